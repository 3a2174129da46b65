import type { Database } from '../../db/open-database.ts'
import { findOwnerlessImports } from '../../db/stores/import-liveness-store.ts'
import { dropOrphanStages } from '../../db/stores/import-stage-store.ts'
import { listRunningImports, markImportsInterrupted } from '../../db/stores/import-store.ts'

export type RecoverInterruptedImportsInput = {
  now: Date
  /**
   * True when this process has just opened the database. On embedded PGlite only one process ever
   * has the database open, so at its start every import still marked running is dead; later on,
   * a running import there is this process's own.
   */
  atStart: boolean
}

/**
 * Marks imports whose process stopped (crash, kill, restart) as interrupted, with 0 loaded — their
 * apply is one transaction, so nothing of them was — and drops their staging tables. On a
 * PostgreSQL server another process may be importing right now: a run counts as dead only when its
 * process's liveness lock is free (db/stores/import-liveness-store.ts), so this is safe at any time.
 */
export async function recoverInterruptedImports(db: Database, input: RecoverInterruptedImportsInput): Promise<number> {
  if (db.kind === 'pglite' && !input.atStart) return 0
  const running = await listRunningImports(db.kysely)
  const dead = db.kind === 'pglite' ? running : await findOwnerlessImports(db, running)
  const marked = await markImportsInterrupted(db.kysely, { ids: dead, at: input.now })
  if (input.atStart || marked > 0) await dropOrphanStages(db.kysely)
  return marked
}
