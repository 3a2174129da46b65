import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { listProgramsWithWaves } from '../../db/stores/response-store.ts'

/** The programs responses can be recorded or imported for: those with at least one wave (a response is attributed to a wave). */
export async function listResponsePrograms(db: Kysely<Schema>): Promise<{ items: { code: string; name: string; waves: number }[] }> {
  return { items: await listProgramsWithWaves(db) }
}
