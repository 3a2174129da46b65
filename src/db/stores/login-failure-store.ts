import type { Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

export async function countRecentFailures(db: Kysely<Schema>, login: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('login_failures')
    .select((f) => f.fn.countAll<number>().as('n'))
    .where('login', '=', login)
    .where('failed_at', '>', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function recordFailure(db: Kysely<Schema>, login: string, at: Date): Promise<void> {
  await db.insertInto('login_failures').values({ login, failed_at: at }).execute()
}
