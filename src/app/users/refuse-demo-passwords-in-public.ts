import argon2 from 'argon2'
import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DEMO_PASSWORD, demoUsers } from '../../core/demo/demo-users.ts'
import { DomainError } from '../../core/domain-error.ts'
import { isLoopbackHost } from '../../core/is-loopback-host.ts'
import type { Schema } from '../../db/schema.ts'

// Every demo login, personal managers included (their number grows with the bank, up to 40).
const DEMO_LOGINS = demoUsers(Number.MAX_SAFE_INTEGER).map((u) => u.login)

/** The active demo users whose password is still the published demo password. */
export async function findDemoPasswordUsers(db: Kysely<Schema>): Promise<string[]> {
  const users = await db
    .selectFrom('users')
    .select(['login', 'password_hash'])
    .where('login', 'in', DEMO_LOGINS)
    .where('active', '=', true)
    .orderBy('login')
    .execute()
  const still: string[] = []
  for (const user of users) if (await argon2.verify(user.password_hash, DEMO_PASSWORD)) still.push(user.login)
  return still
}

/**
 * The demo bank's passwords are in the README: on an address others can reach, anyone could sign
 * in as its head or admin. So a server that would listen beyond this machine refuses to start
 * while any demo user still has that password; on 127.0.0.1 the demo runs as it is.
 */
export async function refuseDemoPasswordsInPublic(db: Kysely<Schema>, input: { host: string }): Promise<void> {
  if (isLoopbackHost(input.host)) return
  const logins = await findDemoPasswordUsers(db)
  if (logins.length === 0) return
  const list = logins.join(', ')
  throw new DomainError(
    'conflict',
    `Refusing to listen on ${input.host}, which other machines can reach, while these users still have the demo password "${DEMO_PASSWORD}": ${list}. ` +
      'Give each a new password (npx otklik user password <login>, which reads it from stdin) or deactivate it ' +
      '(as admin, in Users, on a server started without HOST, i.e. on 127.0.0.1), then start again.',
    reason('start.demo_passwords_in_public', { host: input.host, logins: list }),
  )
}
