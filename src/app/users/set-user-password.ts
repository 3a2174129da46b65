import argon2 from 'argon2'
import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { deleteSessionsOfUser, findUserByLogin, updateUser } from '../../db/stores/user-store.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'

/** The same rule as the admin screen's (http/routes/user-routes.ts): a password is not a PIN. */
export const PASSWORD_MIN_LENGTH = 8

export type SetUserPasswordInput = { login: string; password: string; actor: AuditActor }

/**
 * Gives a user a new password from the CLI — the way to replace the demo passwords before the
 * server may listen on a public address. Ends the user's sessions; the audit event never holds
 * the password.
 */
export async function setUserPassword(db: Kysely<Schema>, input: SetUserPasswordInput): Promise<void> {
  if (input.password.length < PASSWORD_MIN_LENGTH) {
    throw new DomainError('invalid_input', `The password needs at least ${PASSWORD_MIN_LENGTH} characters`, reason('user.password_too_short', { min: PASSWORD_MIN_LENGTH }))
  }
  const passwordHash = await argon2.hash(input.password)
  await db.transaction().execute(async (trx) => {
    const user = await findUserByLogin(trx, input.login)
    if (!user) throw new DomainError('not_found', `No user ${input.login}`, reason('user.not_found', { id: input.login }))
    await updateUser(trx, user.id, { passwordHash })
    await deleteSessionsOfUser(trx, user.id)
    await appendAuditEvent(trx, {
      userId: input.actor.id, login: input.actor.login, action: 'user.update', entity: 'user', entityId: String(user.id),
      details: { login: user.login, changed: ['password'], role: user.role, active: user.active },
    })
  })
}
