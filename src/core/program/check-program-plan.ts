import type { ProgramPlan } from '../../contract/program-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'
import { checkBusinessCase, type CheckedBusinessCase } from './check-business-case.ts'
import { kopecksFromRoubles, type Kopecks } from './kopecks.ts'

export type CheckedProgramPlan = { budgetKopecks: Kopecks | null; businessCase: CheckedBusinessCase }

/** Checks what the schema cannot: the budget (no negative money, whole kopecks), the order of the dates, the business case. */
export function checkProgramPlan(plan: ProgramPlan): CheckedProgramPlan {
  let budgetKopecks: Kopecks | null = null
  if (plan.budget !== null) {
    if (plan.budget < 0) throw new DomainError('invalid_input', `budget must not be negative (${plan.budget})`, reason('program.negative_budget', { field: 'budget', value: plan.budget }))
    const kopecks = kopecksFromRoubles(plan.budget)
    if (kopecks === undefined) throw new DomainError('invalid_input', `budget: roubles with at most two decimals (${plan.budget})`, reason('case.not_kopecks', { field: 'budget', value: plan.budget }))
    budgetKopecks = kopecks
  }
  if (plan.plannedStart !== null && plan.plannedEnd !== null && plan.plannedEnd < plan.plannedStart) {
    throw new DomainError('invalid_input', `plannedEnd ${plan.plannedEnd} is before plannedStart ${plan.plannedStart}`, reason('program.end_before_start', { field: 'plannedEnd' }))
  }
  return { budgetKopecks, businessCase: checkBusinessCase(plan.businessCase) }
}
