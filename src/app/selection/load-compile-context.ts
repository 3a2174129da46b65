import type { Kysely } from 'kysely'
import type { CompileContext } from '../../core/selection/compile-rule.ts'
import { parseRule } from '../../core/selection/parse-rule.ts'
import { isCondition, type Rule } from '../../core/selection/rule.ts'
import type { Schema } from '../../db/schema.ts'
import { loadProductBits } from '../../db/stores/profile-store.ts'
import { findSelection } from '../../db/stores/selection-store.ts'

/** What compiling a rule needs from the database: product bits and the saved selections it names. */
export async function loadCompileContext(db: Kysely<Schema>, rule: Rule, today: string): Promise<CompileContext> {
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
  return { today, productBits: await loadProductBits(db), selections }
}

function referencedSelections(rule: Rule): number[] {
  if ('all' in rule) return rule.all.flatMap(referencedSelections)
  if ('any' in rule) return rule.any.flatMap(referencedSelections)
  if ('not' in rule) return referencedSelections(rule.not)
  return isCondition(rule) && rule.field === 'selection' ? [rule.value as number] : []
}
