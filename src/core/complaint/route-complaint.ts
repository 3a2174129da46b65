import { topComplaintCategory } from '../../contract/complaint-categories.ts'

/** A routing rule (table complaint_routes): complaints of a category (leaf or top code), in a branch or any (null), go to an owner. */
export type ComplaintRoute = { category: string; branchId: number | null; ownerId: number }

export type RouteComplaintInput = {
  category: string
  /** The branch the complaint is filed for (the client's, unless given). */
  branchId: number | null
  rules: readonly ComplaintRoute[]
  /** Active client economists: id and branch, lowest id first. */
  economists: readonly { id: number; branchId: number | null }[]
}

/**
 * Who owns a new complaint: the most specific rule (the leaf before its top category, a branch's
 * rule before the any-branch one); else the client economist of the complaint's branch; else the
 * department's first client economist (one without a branch, then any); else nobody (the register
 * shows it unowned for the head to hand out).
 */
export function routeComplaint(input: RouteComplaintInput): number | null {
  for (const category of [input.category, topComplaintCategory(input.category)]) {
    for (const branchId of input.branchId === null ? [null] : [input.branchId, null]) {
      const rule = input.rules.find((r) => r.category === category && r.branchId === branchId)
      if (rule) return rule.ownerId
    }
  }
  const ofBranch = input.economists.find((e) => input.branchId !== null && e.branchId === input.branchId)
  const department = input.economists.find((e) => e.branchId === null) ?? input.economists[0]
  return (ofBranch ?? department)?.id ?? null
}
