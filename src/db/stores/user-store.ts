import type { Kysely } from 'kysely'
import type { Role } from '../../core/roles.ts'
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
