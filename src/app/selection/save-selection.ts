import type { Kysely } from 'kysely'
import { DomainError } from '../../core/domain-error.ts'
import { compileRule } from '../../core/selection/compile-rule.ts'
import { parseRule } from '../../core/selection/parse-rule.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { insertSelection, updateSelection, type SavedSelection } from '../../db/stores/selection-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { loadCompileContext } from './load-compile-context.ts'

export type SaveSelectionInput = {
  /** Absent for a new selection. */
  id?: number
  name: string
  description: string | null
  rule: unknown
  user: SessionUser
  today: string
}

/** Saves a named, reusable selection after checking its rule compiles (no unknown product, no cycle). */
export async function saveSelection(db: Kysely<Schema>, input: SaveSelectionInput): Promise<SavedSelection> {
  const rule = parseRule(input.rule)
  const context = await loadCompileContext(db, rule, input.today)
  if (input.id !== undefined) {
    // Compile the selection as others will refer to it, so a rule that reaches back to itself fails.
    const selections = new Map(context.selections).set(input.id, rule)
    compileRule({ field: 'selection', op: 'in', value: input.id }, { ...context, selections })
  } else {
    compileRule(rule, context)
  }
  try {
    const saved = input.id === undefined
      ? await insertSelection(db, { name: input.name, description: input.description, rule, createdBy: input.user.id })
      : await updateSelection(db, input.id, { name: input.name, description: input.description, rule })
    if (!saved) throw new DomainError('not_found', `No selection ${input.id}`)
    await appendAuditEvent(db, {
      userId: input.user.id,
      login: input.user.login,
      action: input.id === undefined ? 'selection.create' : 'selection.update',
      entity: 'selection',
      entityId: String(saved.id),
    })
    return saved
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new DomainError('conflict', `A selection named "${input.name}" exists already`, { path: 'name' })
    throw error
  }
}
