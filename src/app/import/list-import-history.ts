import type { Database } from '../../db/open-database.ts'
import { listImports, type ImportRecord } from '../../db/stores/import-store.ts'
import { recoverInterruptedImports } from './recover-interrupted-imports.ts'

export type ListImportHistoryInput = {
  limit: number
  offset: number
  now: Date
  /** True when this process has just opened the database (the CLI): see recoverInterruptedImports. */
  atStart?: boolean
  /** The kinds the reader may open (contract/import-kind-roles.ts importKindsReadBy); every kind when left out (the CLI). */
  kinds?: 'all' | readonly string[]
}

/**
 * The import history, true at the moment it is read: on a PostgreSQL server a run whose process
 * died (another machine, a killed CLI) is marked interrupted first, so it never shows as running.
 */
export async function listImportHistory(db: Database, input: ListImportHistoryInput): Promise<{ total: number; items: ImportRecord[] }> {
  await recoverInterruptedImports(db, { now: input.now, atStart: input.atStart ?? false })
  return listImports(db.kysely, { limit: input.limit, offset: input.offset, kinds: input.kinds ?? 'all' })
}
