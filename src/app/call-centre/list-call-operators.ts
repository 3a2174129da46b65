import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { listActiveUsersOfRole } from '../../db/stores/user-store.ts'

/** The active operators by name, whom a call list (or part of it) can be dealt to. */
export async function listCallOperators(db: Kysely<Schema>): Promise<{ login: string; fullName: string }[]> {
  return listActiveUsersOfRole(db, 'operator')
}
