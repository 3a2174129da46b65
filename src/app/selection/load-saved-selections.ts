import type { Kysely } from 'kysely'
import { parseRule } from '../../core/selection/parse-rule.ts'
import { isCondition, type Rule } from '../../contract/rule.ts'
import type { Schema } from '../../db/schema.ts'
import { findSelection } from '../../db/stores/selection-store.ts'

/** The saved selections a rule refers to, and those they refer to; no query when it names none. */
export async function loadSavedSelections(db: Kysely<Schema>, rule: Rule): Promise<Map<number, Rule>> {
  const selections = new Map<number, Rule>()
  const pending = referencedSelections(rule)
  while (pending.length > 0) {
    const id = pending.pop()!
    if (selections.has(id)) continue
    const saved = await findSelection(db, id)
    if (!saved) continue // the compiler reports the missing selection with the rule's path
    const savedRule = parseRule(saved.rule)
    selections.set(id, savedRule)
    pending.push(...referencedSelections(savedRule))
  }
  return selections
}

/** The ids of the saved selections a rule names directly. */
export function referencedSelections(rule: Rule): number[] {
  if ('all' in rule) return rule.all.flatMap(referencedSelections)
  if ('any' in rule) return rule.any.flatMap(referencedSelections)
  if ('not' in rule) return referencedSelections(rule.not)
  return isCondition(rule) && rule.field === 'selection' ? [rule.value as number] : []
}
