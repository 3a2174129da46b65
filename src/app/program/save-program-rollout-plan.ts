import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { reason } from '../../contract/reason-codes.ts'
import type { rolloutPlanRead } from '../../contract/rollout-schemas.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findProgramByCode, lockProgramByCode, type ProgramRecord } from '../../db/stores/program-store.ts'
import { findRolloutPlan, saveRolloutPlan } from '../../db/stores/rollout-plan-store.ts'
import { computeRolloutPlan, type RolloutPlanAnswer, type RolloutPlanInputs } from './plan-program-rollout.ts'

export type RolloutPlanRead = z.infer<typeof rolloutPlanRead>

const FINAL = ['closed', 'cancelled']

const notFound = (code: string) => new DomainError('not_found', `No program ${code}`, reason('program.not_found', { id: code }))

/**
 * PUT /api/programs/:code/rollout-plan: computes the plan for the inputs and saves it into the
 * program as chosen (replacing the one before), with its audit event in one transaction. A closed
 * or cancelled program keeps the plan it had.
 */
export async function saveProgramRolloutPlan(db: Kysely<Schema>, input: { code: string; body: RolloutPlanInputs; actor: { id: number | null; login: string } }): Promise<RolloutPlanRead> {
  return db.transaction().execute(async (tx) => {
    const program = await lockProgramByCode(tx, input.code)
    if (!program) throw notFound(input.code)
    if (FINAL.includes(program.status)) throw new DomainError('conflict', `A ${program.status} program cannot be changed`, reason('program.not_editable', { status: program.status }))
    const plan = await computeRolloutPlan(tx, program, input.body)
    await saveRolloutPlan(tx, { programId: program.id, inputs: plan.inputs, plan, savedBy: input.actor })
    await appendAuditEvent(tx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'program.rollout_plan.update',
      entity: 'program',
      entityId: program.code,
      details: { inputs: plan.inputs, planned: plan.planned, waves: plan.waves.length, cost: plan.cost, limitedBy: plan.limitedBy, npv: plan.case.npv },
    })
    return savedPlan(tx, program)
  })
}

/** GET /api/programs/:code/rollout-plan: the plan saved into the program, as it was when saved; null while none is. */
export async function viewProgramRolloutPlan(db: Kysely<Schema>, code: string): Promise<RolloutPlanRead> {
  const program = await findProgramByCode(db, code)
  if (!program) throw notFound(code)
  return savedPlan(db, program)
}

async function savedPlan(db: Kysely<Schema>, program: ProgramRecord): Promise<RolloutPlanRead> {
  const stored = await findRolloutPlan(db, program.id)
  if (!stored) return { saved: null }
  return { saved: { ...(stored.plan as RolloutPlanAnswer), savedAt: stored.savedAt, savedBy: stored.savedBy } }
}
