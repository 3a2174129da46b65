import { sql, type Kysely } from 'kysely'
import type { RecentLoginFailures } from '../../core/login-throttle.ts'
import type { Schema } from '../schema.ts'

export type LoginAttempt = { login: string; address: string }

/** Failures since the time given, from the address: at this login, and at any login. */
export async function countRecentFailures(db: Kysely<Schema>, attempt: LoginAttempt, since: Date): Promise<RecentLoginFailures> {
  const row = await db
    .selectFrom('login_failures')
    .select([
      sql<string>`count(*) FILTER (WHERE login = ${attempt.login})`.as('loginFromAddress'),
      sql<string>`count(*)`.as('fromAddress'),
    ])
    .where('address', '=', attempt.address)
    .where('failed_at', '>', since)
    .executeTakeFirstOrThrow()
  return { loginFromAddress: Number(row.loginFromAddress), fromAddress: Number(row.fromAddress) }
}

export async function recordFailure(db: Kysely<Schema>, attempt: LoginAttempt, at: Date): Promise<void> {
  await db.insertInto('login_failures').values({ login: attempt.login, address: attempt.address, failed_at: at }).execute()
}
