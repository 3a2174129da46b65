import { createHash, randomBytes } from 'node:crypto'
import argon2 from 'argon2'
import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findUserByLogin, insertSession, type SessionUser } from '../../db/stores/user-store.ts'
import { countRecentFailures, recordFailure } from '../../db/stores/login-failure-store.ts'
import { loginThrottledBy, THROTTLE_WINDOW_MINUTES } from '../../core/login-throttle.ts'

/** `address`: the client's IP address, as the server sees it (behind a proxy: OTKLIK_TRUST_PROXY). */
export type LogInInput = { login: string; password: string; address: string; now: Date; sessionHours: number }
export type LogInResult = { token: string; user: SessionUser; expiresAt: Date }

// A hash that costs as much as a real one, so a missing login takes as long as a wrong password.
const DUMMY_HASH = await argon2.hash('otklik-dummy-password')

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function logIn(db: Kysely<Schema>, input: LogInInput): Promise<LogInResult> {
  const since = new Date(input.now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000)
  const attempt = { login: input.login, address: input.address }
  const limit = loginThrottledBy(await countRecentFailures(db, attempt, since))
  if (limit) {
    await appendAuditEvent(db, { userId: null, login: input.login, action: 'auth.throttled', details: { address: input.address, limit } })
    throw new DomainError(
      'throttled',
      `Too many failed logins from this address: try again in ${THROTTLE_WINDOW_MINUTES} minutes`,
      reason('auth.throttled', { minutes: THROTTLE_WINDOW_MINUTES }),
    )
  }
  const user = await findUserByLogin(db, input.login)
  const ok = await argon2.verify(user?.passwordHash ?? DUMMY_HASH, input.password)
  if (!user || !ok || !user.active) {
    // The failure that counts towards throttling and its audit event: one transaction.
    await db.transaction().execute(async (tx) => {
      await recordFailure(tx, attempt, input.now)
      await appendAuditEvent(tx, { userId: user?.id ?? null, login: input.login, action: 'auth.login_failed', details: { address: input.address } })
    })
    throw new DomainError('unauthenticated', 'Wrong login or password', reason('auth.wrong_password'))
  }
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(input.now.getTime() + input.sessionHours * 3_600_000)
  await db.transaction().execute(async (tx) => {
    await insertSession(tx, { tokenHash: hashSessionToken(token), userId: user.id, createdAt: input.now, expiresAt })
    await appendAuditEvent(tx, { userId: user.id, login: user.login, action: 'auth.login' })
  })
  const { passwordHash: _hash, active: _active, ...sessionUser } = user
  return { token, user: sessionUser, expiresAt }
}
