import type { Kysely } from 'kysely'
import { DomainError } from '../../core/domain-error.ts'
import { reason } from '../../contract/reason-codes.ts'
import type { Schema } from '../../db/schema.ts'
import { findSelection, type SavedSelection } from '../../db/stores/selection-store.ts'

/** One saved selection with its rule, or not_found. */
export async function viewSelection(db: Kysely<Schema>, id: number): Promise<SavedSelection> {
  const saved = await findSelection(db, id)
  if (!saved) throw new DomainError('not_found', `No selection ${id}`, reason('selection.not_found', { id }))
  return saved
}
