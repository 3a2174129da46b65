import type { Channel } from './channels.ts'

// A selection rule: a tree of all / any / not over conditions from the rule catalogue.
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | Condition

export type Condition = {
  field: string
  op: string
  /** number, [min, max], string, string[], or absent for is_true / is_null and the like. */
  value?: ConditionValue
  /** Qualifiers of recency conditions: contacted on this channel / by this program. */
  channel?: Channel
  program?: string
}

export type ConditionValue = number | string | boolean | readonly [number, number] | readonly string[]

export function isCondition(rule: Rule): rule is Condition {
  return 'field' in rule
}
