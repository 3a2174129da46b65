import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { countPersonalClients, listUsers as listUserRows, type UserAccount } from '../../db/stores/user-store.ts'

export type UserListItem = UserAccount & { personalClients: number }

/**
 * Every user by login, with their role, whether they may sign in, and how many clients they serve
 * as personal manager (the admin and the auditor read it: who holds which role, and who is a VIP
 * client's personal manager rather than a product manager).
 */
export async function listUsers(db: Kysely<Schema>): Promise<UserListItem[]> {
  const [users, personal] = await Promise.all([listUserRows(db), countPersonalClients(db)])
  return users.map((user) => ({ ...user, personalClients: personal.get(user.id) ?? 0 }))
}
