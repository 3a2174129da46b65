import type { Kysely } from 'kysely'
import { mergeContactPolicy } from '../../core/selection/contact-policy.ts'
import type { ContactPolicy, ContactPolicyOverrides } from '../../contract/contact-policy.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { currentContactPolicy } from '../../db/stores/policy-store.ts'
import { ensureDraftProgram, saveProgramPolicyOverrides } from '../../db/stores/program-store.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'

export type ProgramPolicy = {
  programCode: string
  /** What the program changes in the bank's policy (absent parts follow the global policy). */
  overrides: ContactPolicyOverrides
  /** The policy its next wave applies: the current global version with the overrides on top. */
  applied: ContactPolicy
  policyVersion: number
}

export type SetProgramPolicyOverridesInput = { programCode: string; overrides: ContactPolicyOverrides; actor: AuditActor }

/**
 * Replaces a program's overrides of the contact policy (a draft program is created for a new code,
 * as a wave would). Waves already built keep the policy they froze; the change is an audit event
 * in the same transaction.
 */
export async function setProgramPolicyOverrides(db: Kysely<Schema>, input: SetProgramPolicyOverridesInput): Promise<ProgramPolicy> {
  return db.transaction().execute(async (tx) => {
    const program = await ensureDraftProgram(tx, input.programCode)
    await saveProgramPolicyOverrides(tx, program.id, input.overrides)
    await appendAuditEvent(tx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'program.policy_overrides.update',
      entity: 'program',
      entityId: program.code,
      details: { overrides: input.overrides },
    })
    return programPolicy(tx, program.code, input.overrides)
  })
}

export async function programPolicy(db: Kysely<Schema>, programCode: string, overrides: ContactPolicyOverrides): Promise<ProgramPolicy> {
  const { version, policy } = await currentContactPolicy(db)
  return { programCode, overrides, applied: mergeContactPolicy(policy, overrides), policyVersion: version }
}
