import type { Kysely } from 'kysely'
import { compileRule } from '../../core/selection/compile-rule.ts'
import { parseRule } from '../../core/selection/parse-rule.ts'
import type { Schema } from '../../db/schema.ts'
import { breakdownProfile, type SelectionBreakdown } from '../../db/stores/selection-store.ts'
import { loadCompileContext } from './load-compile-context.ts'

export type CountSelectionInput = { rule: unknown; today: string }

/** The live count of a rule with its breakdown by segment, region and reachable channel. */
export async function countSelection(db: Kysely<Schema>, input: CountSelectionInput): Promise<SelectionBreakdown> {
  const rule = parseRule(input.rule)
  const compiled = compileRule(rule, await loadCompileContext(db, rule, input.today))
  return breakdownProfile(db, compiled)
}
