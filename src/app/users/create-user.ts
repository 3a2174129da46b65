import argon2 from 'argon2'
import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Role } from '../../contract/roles.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { insertUser, type SessionUser, type UserAccount } from '../../db/stores/user-store.ts'
import { checkBranchOfUser } from './check-branch-of-user.ts'

export type CreateUserInput = {
  actor: SessionUser
  login: string
  fullName: string
  role: Role
  password: string
  branchId?: number | null
}

/** An admin creates a user; the password is stored only as an argon2 hash. */
export async function createUser(db: Kysely<Schema>, input: CreateUserInput): Promise<UserAccount> {
  const branchId = input.branchId ?? null
  const passwordHash = await argon2.hash(input.password)
  return db.transaction().execute(async (trx) => {
    await checkBranchOfUser(trx, { role: input.role, branchId })
    const user = await insertUser(trx, { login: input.login, fullName: input.fullName, role: input.role, branchId, passwordHash })
    if (!user) throw new DomainError('conflict', `The login ${input.login} is taken`, reason('user.login_taken', { login: input.login }))
    await appendAuditEvent(trx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'user.create',
      entity: 'user',
      entityId: String(user.id),
      details: { login: user.login, role: user.role, branchId: user.branchId },
    })
    return user
  })
}
