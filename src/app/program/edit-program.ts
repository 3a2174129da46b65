import type { Kysely } from 'kysely'
import type { ProgramPlanChanges } from '../../contract/program-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { diffProgramPlan, voidsApproval } from '../../core/program/diff-program-plan.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { appendProgramDecision } from '../../db/stores/program-decision-store.ts'
import { lockProgramByCode, setProgramStatus, updateProgramPlan } from '../../db/stores/program-store.ts'
import { tryProgramCase } from './compute-program-case.ts'
import { defaultPlan } from './create-program.ts'
import type { ProgramActor } from './program-actor.ts'
import { planOfProgram, prepareProgramPlan } from './prepare-program-plan.ts'
import { programView, type ProgramView } from './view-program.ts'

export type EditProgramInput = {
  code: string
  changes: ProgramPlanChanges
  /** PUT: what the changes leave out goes back to its default; PATCH: it stays as it is. */
  replace: boolean
  actor: ProgramActor
}

const FINAL = ['closed', 'cancelled']

/**
 * Changes a program's plan. Editing what an approval rests on (the business case, the selection,
 * the product, channels, control share, budget — core/program/diff-program-plan.ts) voids the
 * approval: the program goes back to `proposed`, with a decision record listing each change and the
 * case as it now stands, so the head sees what changed since approving. One transaction with its
 * audit event; a refused edit changes nothing.
 */
export async function editProgram(db: Kysely<Schema>, input: EditProgramInput): Promise<ProgramView> {
  return db.transaction().execute(async (tx) => {
    const program = await lockProgramByCode(tx, input.code)
    if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
    if (FINAL.includes(program.status)) throw new DomainError('conflict', `A ${program.status} program cannot be changed`, reason('program.not_editable', { status: program.status }))
    const before = planOfProgram(program)
    const base = input.replace ? defaultPlan({ name: before.name, goal: before.goal }, program.ownerId) : before
    const after = { ...base, ...input.changes }
    const changes = diffProgramPlan(before, after)
    if (changes.length === 0) return programView(tx, program)
    await updateProgramPlan(tx, program.id, await prepareProgramPlan(tx, after, program.offerCode))
    const voided = program.status === 'approved' && voidsApproval(changes)
    if (voided) {
      await setProgramStatus(tx, program.id, 'proposed')
      const edited = (await lockProgramByCode(tx, input.code))!
      await appendProgramDecision(tx, {
        programId: program.id,
        author: input.actor,
        from: 'approved',
        to: 'proposed',
        comment: 'The approval is void: the plan it was given on changed.',
        changes,
        snapshot: await tryProgramCase(tx, edited),
      })
    }
    await appendAuditEvent(tx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'program.update',
      entity: 'program',
      entityId: program.code,
      details: {
        changed: changes.map((c) => c.field),
        ...(voided && { approvalVoided: true }),
        ...(after.offerCode !== before.offerCode && { offerCode: { before: before.offerCode, after: after.offerCode } }),
      },
    })
    return programView(tx, (await lockProgramByCode(tx, input.code))!)
  })
}
