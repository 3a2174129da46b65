import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { compileRule } from '../../core/selection/compile-rule.ts'
import { checkExpandedRule } from '../../core/selection/check-expanded-rule.ts'
import { parseRule } from '../../core/selection/parse-rule.ts'
import type { Rule } from '../../contract/rule.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { insertSelection, listSelections, updateSelection, type SavedSelection } from '../../db/stores/selection-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { loadCompileContext } from './load-compile-context.ts'
import { referencedSelections } from './load-saved-selections.ts'

export type SaveSelectionInput = {
  /** Absent for a new selection. */
  id?: number
  name: string
  description: string | null
  rule: unknown
  user: SessionUser
  today: string
}

/**
 * A changed selection grows every saved selection that names it: each of those must stay within
 * the limits of an expanded rule, or the change is refused (naming the selection that would grow).
 */
async function checkSelectionsReferringTo(db: Kysely<Schema>, id: number, rule: Rule): Promise<void> {
  const saved = new Map<number, Rule>()
  for (const selection of await listSelections(db)) {
    try {
      saved.set(selection.id, parseRule(selection.rule))
    } catch {
      // A stored rule the parser no longer accepts is refused when it is used, not here.
    }
  }
  saved.set(id, rule)
  for (const other of saved.keys()) {
    if (other !== id && reaches(other, id, saved, new Set())) checkExpandedRule({ field: 'selection', op: 'in', value: other }, saved)
  }
}

function reaches(from: number, to: number, saved: ReadonlyMap<number, Rule>, seen: Set<number>): boolean {
  if (seen.has(from)) return false
  seen.add(from)
  const rule = saved.get(from)
  return rule !== undefined && referencedSelections(rule).some((id) => id === to || reaches(id, to, saved, seen))
}

/** Saves a named, reusable selection after checking its rule compiles (no unknown product, no cycle). */
export async function saveSelection(db: Kysely<Schema>, input: SaveSelectionInput): Promise<SavedSelection> {
  const rule = parseRule(input.rule)
  const context = await loadCompileContext(db, rule, input.today)
  if (input.id !== undefined) {
    // Compile the selection as others will refer to it, so a rule that reaches back to itself fails.
    const selections = new Map(context.selections).set(input.id, rule)
    compileRule({ field: 'selection', op: 'in', value: input.id }, { ...context, selections })
    await checkSelectionsReferringTo(db, input.id, rule)
  } else {
    compileRule(rule, context)
  }
  try {
    // The change and its audit event in one transaction: neither without the other.
    return await db.transaction().execute(async (tx) => {
      const saved = input.id === undefined
        ? await insertSelection(tx, { name: input.name, description: input.description, rule, createdBy: input.user.id })
        : await updateSelection(tx, input.id, { name: input.name, description: input.description, rule })
      if (!saved) throw new DomainError('not_found', `No selection ${input.id}`, reason('selection.not_found', { id: input.id ?? null }))
      await appendAuditEvent(tx, {
        userId: input.user.id,
        login: input.user.login,
        action: input.id === undefined ? 'selection.create' : 'selection.update',
        entity: 'selection',
        entityId: String(saved.id),
      })
      return saved
    })
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new DomainError('conflict', `A selection named "${input.name}" exists already`, { ...reason('selection.name_taken', { name: input.name }), path: 'name' })
    throw error
  }
}
