import type { Kysely } from 'kysely'
import type { CreateProgramBody, ProgramPlan } from '../../contract/program-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { insertProgram } from '../../db/stores/program-store.ts'
import type { ProgramActor } from './program-actor.ts'
import { prepareProgramPlan } from './prepare-program-plan.ts'
import { programView, type ProgramView } from './view-program.ts'

export const DEFAULT_CONTROL_SHARE = 0.1

/** What a program has until its economists say otherwise (its owner: whoever created it). */
export function defaultPlan(body: Pick<ProgramPlan, 'name' | 'goal'>, ownerId: number | null): ProgramPlan {
  return {
    ...body,
    targetProduct: null,
    offer: null,
    offerCode: null,
    channels: [],
    selectionId: null,
    ownerId,
    plannedStart: null,
    plannedEnd: null,
    budget: null,
    controlShare: DEFAULT_CONTROL_SHARE,
    pilotSize: null,
    businessCase: {},
  }
}

/**
 * Creates a draft program in the registry, or plans the draft a wave created for the same code
 * (it has no goal yet: an analyst froze a list before the program existed). A code a planned
 * program holds is refused. The program and its audit event are one transaction.
 */
export async function createProgram(db: Kysely<Schema>, input: { body: CreateProgramBody; actor: ProgramActor }): Promise<ProgramView> {
  const { code, ...given } = input.body
  return db.transaction().execute(async (tx) => {
    const plan = await prepareProgramPlan(tx, { ...defaultPlan(given, input.actor.id), ...given })
    const program = await insertProgram(tx, { code, plan, createdBy: input.actor.id })
    if (!program) throw new DomainError('conflict', `A program ${code} exists`, reason('program.code_taken', { program: code }))
    await appendAuditEvent(tx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'program.create',
      entity: 'program',
      entityId: code,
      details: { name: plan.name, goal: plan.goal, ...(plan.offerCode !== null && { offerCode: plan.offerCode }) },
    })
    return programView(tx, program)
  })
}
