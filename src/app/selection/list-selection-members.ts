import type { Kysely } from 'kysely'
import { compileRule } from '../../core/selection/compile-rule.ts'
import { parseRule } from '../../core/selection/parse-rule.ts'
import type { Schema } from '../../db/schema.ts'
import { listProfileMembers } from '../../db/stores/selection-store.ts'
import { loadCompileContext } from './load-compile-context.ts'

export type ListSelectionMembersInput = { rule: unknown; today: string }

/**
 * The ids of every client a rule selects, in id order, from PostgreSQL (never the mirror): member
 * lists feed waves and exports, which must see the latest profile.
 */
export async function listSelectionMembers(db: Kysely<Schema>, input: ListSelectionMembersInput): Promise<number[]> {
  const rule = parseRule(input.rule)
  const compiled = compileRule(rule, await loadCompileContext(db, rule, input.today))
  return listProfileMembers(db, compiled)
}
