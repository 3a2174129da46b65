import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { listRegions as listRegionRows, type Region } from '../../db/stores/reference-store.ts'

/** The regions of the bank's catalogue, by name: for filters and forms. */
export async function listRegions(db: Kysely<Schema>): Promise<Region[]> {
  return listRegionRows(db)
}
