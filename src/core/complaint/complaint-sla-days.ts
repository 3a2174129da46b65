import { topComplaintCategory } from '../../contract/complaint-categories.ts'

/** One row of the SLA settings (table complaint_sla): a category code (leaf, top or '*') and a channel (or '*'). */
export type ComplaintSlaRule = { category: string; channel: string; workingDays: number }

/** When no row matches (the settings lost their '*'/'*' default): the statutory 15 working days. */
export const FALLBACK_SLA_WORKING_DAYS = 15

/**
 * How many working days the bank has to answer a complaint: the most specific rule wins — the
 * category counts before the channel (a leaf, then its top category, then '*'; within each, the
 * channel before '*'), because what the complaint is about sets the deadline more than how it came.
 */
export function complaintSlaDays(input: { category: string; channel: string; rules: readonly ComplaintSlaRule[] }): number {
  const categories = [input.category, topComplaintCategory(input.category), '*']
  for (const category of categories) {
    for (const channel of [input.channel, '*']) {
      const rule = input.rules.find((r) => r.category === category && r.channel === channel)
      if (rule) return rule.workingDays
    }
  }
  return FALLBACK_SLA_WORKING_DAYS
}
