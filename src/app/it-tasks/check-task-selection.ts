import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { findSelection } from '../../db/stores/selection-store.ts'

/** A task's clients given as a saved selection must name one that exists: 400 naming selectionId. */
export async function checkTaskSelection(db: Kysely<Schema>, selectionId: number | null | undefined): Promise<void> {
  if (selectionId == null || (await findSelection(db, selectionId))) return
  throw new DomainError('invalid_input', `selectionId: no saved selection ${selectionId}`, reason('it_task.unknown_selection', { field: 'selectionId', id: selectionId }))
}
