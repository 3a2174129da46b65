import type { Kysely } from 'kysely'
import type { Role } from '../../contract/roles.ts'
import type { Schema } from '../schema.ts'

export type SessionUser = { id: number; login: string; fullName: string; role: Role; branchId: number | null }

export type UserWithHash = SessionUser & { passwordHash: string; active: boolean }

export async function findUserByLogin(db: Kysely<Schema>, login: string): Promise<UserWithHash | undefined> {
  const row = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst()
  return row && { ...toSessionUser(row), passwordHash: row.password_hash, active: row.active }
}

export async function insertSession(
  db: Kysely<Schema>,
  session: { tokenHash: string; userId: number; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ token_hash: session.tokenHash, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt })
    .execute()
}

export async function findSessionUser(db: Kysely<Schema>, tokenHash: string, now: Date): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.login', 'users.full_name', 'users.role', 'users.branch_id'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', true)
    .executeTakeFirst()
  return row && toSessionUser(row)
}

export async function deleteSession(db: Kysely<Schema>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
}

function toSessionUser(row: { id: number; login: string; full_name: string; role: string; branch_id: number | null }): SessionUser {
  return { id: row.id, login: row.login, fullName: row.full_name, role: row.role as Role, branchId: row.branch_id }
}

/** A user as the admin screen shows it: no password hash. */
export type UserAccount = SessionUser & { active: boolean }

export type NewUser = { login: string; fullName: string; role: Role; branchId: number | null; passwordHash: string }

export type UserChanges = Partial<Pick<UserAccount, 'fullName' | 'role' | 'branchId' | 'active'>> & { passwordHash?: string }

export async function listUsers(db: Kysely<Schema>): Promise<UserAccount[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('login').execute()
  return rows.map(toUserAccount)
}

/** The active users of a role by name (the operators a call list is dealt to). */
export async function listActiveUsersOfRole(db: Kysely<Schema>, role: Role): Promise<{ login: string; fullName: string }[]> {
  const rows = await db.selectFrom('users').select(['login', 'full_name']).where('role', '=', role).where('active', '=', true).orderBy('full_name').orderBy('login').execute()
  return rows.map((r) => ({ login: r.login, fullName: r.full_name }))
}

/** Users who are some clients' personal manager, with how many clients each serves. */
export async function countPersonalClients(db: Kysely<Schema>): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('clients')
    .select(['personal_manager_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('personal_manager_id', 'is not', null)
    .groupBy('personal_manager_id')
    .execute()
  return new Map(rows.map((r) => [Number(r.personal_manager_id), Number(r.n)]))
}

export async function findUserById(db: Kysely<Schema>, id: number): Promise<UserAccount | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toUserAccount(row)
}

/** Inserts the user; undefined when the login is taken. */
export async function insertUser(db: Kysely<Schema>, user: NewUser): Promise<UserAccount | undefined> {
  const row = await db
    .insertInto('users')
    .values({ login: user.login, full_name: user.fullName, role: user.role, branch_id: user.branchId, password_hash: user.passwordHash })
    .onConflict((oc) => oc.column('login').doNothing())
    .returningAll()
    .executeTakeFirst()
  return row && toUserAccount(row)
}

export async function updateUser(db: Kysely<Schema>, id: number, changes: UserChanges): Promise<UserAccount | undefined> {
  const row = await db
    .updateTable('users')
    .set({
      ...(changes.fullName !== undefined && { full_name: changes.fullName }),
      ...(changes.role !== undefined && { role: changes.role }),
      ...(changes.branchId !== undefined && { branch_id: changes.branchId }),
      ...(changes.active !== undefined && { active: changes.active }),
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row && toUserAccount(row)
}

/** Ends every session of the user but the one kept (the admin's own, when they change themself). */
export async function deleteSessionsOfUser(db: Kysely<Schema>, userId: number, keepTokenHash?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (keepTokenHash) query = query.where('token_hash', '<>', keepTokenHash)
  await query.execute()
}

function toUserAccount(row: { id: number; login: string; full_name: string; role: string; branch_id: number | null; active: boolean }): UserAccount {
  return { ...toSessionUser(row), active: row.active }
}
