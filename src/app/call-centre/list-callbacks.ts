import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { listPendingCallbacks } from '../../db/stores/call-board-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'

/** The callbacks queue by due time: an operator sees theirs and the "anyone" ones; a supervisor all, with the overdue marked. */
export async function listCallbacks(db: Kysely<Schema>, input: { viewer: SessionUser; now: Date }) {
  const lines = await listPendingCallbacks(db, { operatorId: input.viewer.role === 'operator' ? input.viewer.id : null, limit: 500 })
  return lines.map((line) => ({ ...line, overdue: Date.parse(line.dueAt) < input.now.getTime() }))
}
