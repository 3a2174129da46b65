import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { listBranches as listBranchRows, type Branch } from '../../db/stores/reference-store.ts'

/** The bank's branches with their regions: for filters and forms. */
export async function listBranches(db: Kysely<Schema>): Promise<Branch[]> {
  return listBranchRows(db)
}
