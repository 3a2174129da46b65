import type { ProgramPlan } from '../../contract/program-schemas.ts'

export type PlanChange = { field: string; before: unknown; after: unknown }

/**
 * What the head approved the money on: the business case and what it rests on — the selection,
 * the product, the channels, the control share and the budget. Changing any of them voids an
 * approval; the name, the offer (its text, and the catalogue offer it names, which has its own
 * four-eyes approval before any wave sends it), the owner, the dates and the pilot size do not.
 */
export const APPROVAL_FIELDS = ['businessCase', 'selectionId', 'targetProduct', 'channels', 'controlShare', 'budget'] as const satisfies readonly (keyof ProgramPlan)[]

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The fields that differ, the business case assumption by assumption (`businessCase.conversion`). */
export function diffProgramPlan(before: ProgramPlan, after: ProgramPlan): PlanChange[] {
  const changes: PlanChange[] = []
  for (const field of Object.keys(after) as (keyof ProgramPlan)[]) {
    if (field === 'businessCase') continue
    if (!same(before[field], after[field])) changes.push({ field, before: before[field] ?? null, after: after[field] ?? null })
  }
  const keys = new Set([...Object.keys(before.businessCase), ...Object.keys(after.businessCase)] as (keyof ProgramPlan['businessCase'])[])
  for (const key of keys) {
    const [was, is] = [before.businessCase[key], after.businessCase[key]]
    if (!same(was, is)) changes.push({ field: `businessCase.${key}`, before: was ?? null, after: is ?? null })
  }
  return changes
}

/** Whether the changes touch what an approval was given on. */
export function voidsApproval(changes: readonly PlanChange[]): boolean {
  return changes.some((change) => (APPROVAL_FIELDS as readonly string[]).includes(change.field.split('.')[0]!))
}
