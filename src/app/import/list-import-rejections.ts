import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { listRejections } from '../../db/stores/import-store.ts'

/** The first rejected rows of an import, by line, with their reasons: what the CLI prints. */
export async function listImportRejections(db: Kysely<Schema>, input: { importId: number; limit: number }) {
  return listRejections(db, input)
}
