import type { Database } from '../../db/open-database.ts'
import { dropOrphanStages } from '../../db/stores/import-stage-store.ts'
import { failInterruptedImports } from '../../db/stores/import-store.ts'

// On a PostgreSQL server another Otklik process may be importing right now, so only imports
// running for longer than any import takes are taken for dead there.
const SERVER_GRACE_MS = 6 * 60 * 60 * 1000

/**
 * Run at start: an import that was running when Otklik stopped never finishes (its apply is one
 * transaction, so nothing of it was loaded). Mark it failed and drop its staging tables.
 */
export async function recoverInterruptedImports(db: Database, now: Date): Promise<number> {
  const startedBefore = db.kind === 'pglite' ? now : new Date(now.getTime() - SERVER_GRACE_MS)
  const failed = await failInterruptedImports(db.kysely, startedBefore)
  await dropOrphanStages(db.kysely)
  return failed
}
