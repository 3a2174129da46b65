import type { Kysely } from 'kysely'
import { DEFAULT_CALL_POLICY, type CallPolicy } from '../../contract/call-policy.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { readCallPolicy, saveCallPolicy } from '../../db/stores/call-policy-store.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'

export type ProgramCallPolicy = { program: string; policy: CallPolicy; isDefault: boolean }

async function programId(db: Kysely<Schema>, code: string): Promise<number> {
  const program = await findProgramByCode(db, code)
  if (!program) throw new DomainError('not_found', `No program ${code}`, reason('program.not_found', { id: code }))
  return program.id
}

/** A program's attempt policy for its call lists, or the bank's default when it sets none. */
export async function viewProgramCallPolicy(db: Kysely<Schema>, code: string): Promise<ProgramCallPolicy> {
  const own = await readCallPolicy(db, await programId(db, code))
  return { program: code, policy: own ?? DEFAULT_CALL_POLICY, isDefault: own === undefined }
}

/** Sets it; the next outcome recorded in any of the program's call lists follows it. */
export async function setProgramCallPolicy(db: Kysely<Schema>, input: { code: string; policy: CallPolicy; actor: SessionUser; now: Date }): Promise<ProgramCallPolicy> {
  const id = await programId(db, input.code)
  await db.transaction().execute(async (tx) => {
    await saveCallPolicy(tx, { programId: id, policy: input.policy, userId: input.actor.id, at: input.now })
    await appendAuditEvent(tx, { userId: input.actor.id, login: input.actor.login, action: 'call_policy.update', entity: 'program', entityId: input.code, details: { policy: input.policy } })
  })
  return { program: input.code, policy: input.policy, isDefault: false }
}
