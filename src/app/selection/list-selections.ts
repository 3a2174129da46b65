import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { listSelections as listSelectionRows, type SavedSelection } from '../../db/stores/selection-store.ts'

/** Every saved selection, for the Selections page and the rule builder's "member of selection". */
export async function listSelections(db: Kysely<Schema>): Promise<{ total: number; items: SavedSelection[] }> {
  const items = await listSelectionRows(db)
  return { total: items.length, items }
}
