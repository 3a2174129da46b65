import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { listUsers as listUserRows, type UserAccount } from '../../db/stores/user-store.ts'

/** Every user by login, with their role and whether they may sign in (the admin and the auditor read it). */
export async function listUsers(db: Kysely<Schema>): Promise<UserAccount[]> {
  return listUserRows(db)
}
