import type { Kysely } from 'kysely'
import type { ProgramPlan } from '../../contract/program-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { checkProgramPlan } from '../../core/program/check-program-plan.ts'
import { roublesFromKopecks } from '../../core/program/kopecks.ts'
import type { Schema } from '../../db/schema.ts'
import type { ProgramPlanRow, ProgramRecord } from '../../db/stores/program-store.ts'
import { listProducts } from '../../db/stores/reference-store.ts'
import { findSelection } from '../../db/stores/selection-store.ts'
import { findUserById } from '../../db/stores/user-store.ts'
import { checkProgramOffer } from './check-program-offer.ts'

/**
 * The plan checked (core) and its references found (the product, the selection, the owner, the
 * offer): ready to store. The offer is checked when it is newly named (`linkedOffer` is what the
 * program named before), so a program whose offer was retired later can still be edited otherwise.
 */
export async function prepareProgramPlan(db: Kysely<Schema>, plan: ProgramPlan, linkedOffer: string | null = null): Promise<ProgramPlanRow> {
  const checked = checkProgramPlan(plan)
  if (plan.offerCode !== null && plan.offerCode !== linkedOffer) await checkProgramOffer(db, plan.offerCode)
  if (plan.targetProduct !== null && !(await listProducts(db)).some((p) => p.code === plan.targetProduct)) {
    throw new DomainError('invalid_input', `targetProduct: no product ${plan.targetProduct}`, reason('program.unknown_product', { field: 'targetProduct', product: plan.targetProduct }))
  }
  if (plan.selectionId !== null && !(await findSelection(db, plan.selectionId))) {
    throw new DomainError('invalid_input', `selectionId: no selection ${plan.selectionId}`, reason('program.unknown_selection', { field: 'selectionId', id: plan.selectionId }))
  }
  if (plan.ownerId !== null && !(await findUserById(db, plan.ownerId))?.active) {
    throw new DomainError('invalid_input', `ownerId: no active user ${plan.ownerId}`, reason('program.unknown_owner', { field: 'ownerId', id: plan.ownerId }))
  }
  const { budget: _roubles, ...rest } = plan
  return { ...rest, budgetKopecks: checked.budgetKopecks }
}

/** The stored program as a plan, the budget back in roubles (what edits merge into and diff against). */
export function planOfProgram(program: ProgramRecord): ProgramPlan {
  return {
    name: program.name,
    goal: program.goal,
    targetProduct: program.targetProduct,
    offer: program.offer,
    offerCode: program.offerCode,
    channels: program.channels,
    selectionId: program.selectionId,
    ownerId: program.ownerId,
    plannedStart: program.plannedStart,
    plannedEnd: program.plannedEnd,
    budget: program.budgetKopecks === null ? null : roublesFromKopecks(program.budgetKopecks),
    controlShare: program.controlShare,
    pilotSize: program.pilotSize,
    businessCase: program.businessCase,
  }
}
