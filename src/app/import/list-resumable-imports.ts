import type { Database } from '../../db/open-database.ts'
import { listResumableImports as listResumable } from '../../db/stores/import-store.ts'
import { recoverInterruptedImports } from './recover-interrupted-imports.ts'
import { IMPORT_ATTEMPTS } from './run-import-job.ts'


/**
 * The uploaded imports a worker should take up: queued ones (their job may have been lost with the
 * process that sent it) and those a restart interrupted, once the dead runs are marked (at start on
 * PGlite; on a server whenever their process is gone). A job sent twice for one import is harmless:
 * the import's row decides (run-import-job.ts).
 */
export async function listResumableImports(db: Database, input: { now: Date; atStart: boolean }): Promise<number[]> {
  await recoverInterruptedImports(db, input)
  return listResumable(db.kysely, IMPORT_ATTEMPTS)
}
