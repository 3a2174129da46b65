import type { Kysely } from 'kysely'
import type { ItTaskItem, ItTaskPatch } from '../../contract/it-task-schemas.ts'
import { IT_TASK_MOVES } from '../../contract/it-task-statuses.ts'
import { reason } from '../../contract/reason-codes.ts'
import { checkStatusMove } from '../../core/check-status-move.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { listItTaskRows, updateItTask } from '../../db/stores/it-task-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { checkTaskSelection } from './check-task-selection.ts'
import { readItTask } from './list-it-tasks.ts'

export type UpdateItTaskInput = { id: number; patch: ItTaskPatch; actor: SessionUser; now: Date }

/**
 * Changes a task's fields and/or moves its status (contract/it-task-statuses.ts; a move outside
 * the table is 409 naming the allowed ones). A client count replaces a selection and the other way
 * round. Audited as a move when the status changes, else as an update.
 */
export async function updateItTaskFields(db: Kysely<Schema>, input: UpdateItTaskInput): Promise<ItTaskItem> {
  const { status, ...fields } = input.patch
  await db.transaction().execute(async (trx) => {
    const [task] = await listItTaskRows(trx, { id: input.id, lock: true })
    if (!task) throw new DomainError('not_found', `No IT task ${input.id}`, reason('it_task.not_found', { task: input.id }))
    if (status !== undefined && status !== task.status) checkStatusMove({ what: 'it_task', moves: IT_TASK_MOVES, from: task.status, to: status })
    await checkTaskSelection(trx, fields.selectionId)
    const clients = fields.clientCount != null ? { selectionId: null } : fields.selectionId != null ? { clientCount: null } : {}
    const moved = status !== undefined && status !== task.status
    await updateItTask(trx, input.id, { ...fields, ...clients, ...(moved && { status, closed: status === 'done' || status === 'cancelled' }), at: input.now })
    await appendAuditEvent(trx, {
      userId: input.actor.id, login: input.actor.login, action: moved ? 'it_task.move' : 'it_task.update', entity: 'it_task', entityId: String(input.id),
      details: { fields: Object.keys(fields), ...(moved && { from: task.status, to: status }) },
    })
  })
  return readItTask(db, input.id, input.now)
}
