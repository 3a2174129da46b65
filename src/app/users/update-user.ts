import argon2 from 'argon2'
import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Role } from '../../contract/roles.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { deleteSessionsOfUser, findUserById, updateUser as updateUserStore, type SessionUser, type UserAccount } from '../../db/stores/user-store.ts'
import { checkBranchOfUser } from './check-branch-of-user.ts'

export type UserUpdate = { fullName?: string; role?: Role; active?: boolean; password?: string; branchId?: number | null }

export type UpdateUserInput = {
  actor: SessionUser
  /** The actor's own session, kept when they change their own password. */
  actorTokenHash?: string
  userId: number
  changes: UserUpdate
}

/**
 * An admin changes a user. An admin cannot deactivate themself or give up their own admin role
 * (the bank would be left without anyone to manage users). A new password or a deactivation
 * ends the user's sessions.
 */
export async function updateUser(db: Kysely<Schema>, input: UpdateUserInput): Promise<UserAccount> {
  const { actor, userId, changes } = input
  const self = actor.id === userId
  if (self && changes.active === false) throw new DomainError('conflict', 'An admin cannot deactivate themself', reason('user.cannot_deactivate_self'))
  if (self && changes.role !== undefined && changes.role !== actor.role) {
    throw new DomainError('conflict', 'An admin cannot change their own role', reason('user.cannot_change_own_role'))
  }
  const { password, ...rest } = changes
  const passwordHash = password === undefined ? undefined : await argon2.hash(password)
  return db.transaction().execute(async (trx) => {
    const before = await findUserById(trx, userId)
    if (!before) throw new DomainError('not_found', `No user ${userId}`, reason('user.not_found', { id: userId }))
    await checkBranchOfUser(trx, { role: rest.role ?? before.role, branchId: rest.branchId === undefined ? before.branchId : rest.branchId })
    const user = await updateUserStore(trx, userId, { ...rest, ...(passwordHash && { passwordHash }) })
    if (!user) throw new DomainError('not_found', `No user ${userId}`, reason('user.not_found', { id: userId }))
    if (passwordHash || changes.active === false) await deleteSessionsOfUser(trx, userId, self ? input.actorTokenHash : undefined)
    await appendAuditEvent(trx, {
      userId: actor.id,
      login: actor.login,
      action: 'user.update',
      entity: 'user',
      entityId: String(userId),
      // Which fields changed, and the new role and state; never the password.
      details: { login: user.login, changed: Object.keys(changes).sort(), role: user.role, active: user.active },
    })
    return user
  })
}
