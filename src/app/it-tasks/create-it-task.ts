import type { Kysely } from 'kysely'
import type { ItTaskBody, ItTaskItem } from '../../contract/it-task-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { insertItTask } from '../../db/stores/it-task-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { checkTaskSelection } from './check-task-selection.ts'
import { readItTask } from './list-it-tasks.ts'

export type CreateItTaskInput = { body: ItTaskBody; actor: SessionUser; now: Date }

/** The analyst's new data task for IT, status new; audited. */
export async function createItTask(db: Kysely<Schema>, input: CreateItTaskInput): Promise<ItTaskItem> {
  const id = await db.transaction().execute(async (trx) => {
    await checkTaskSelection(trx, input.body.selectionId)
    const id = await insertItTask(trx, { ...input.body, createdBy: input.actor, at: input.now })
    await appendAuditEvent(trx, { userId: input.actor.id, login: input.actor.login, action: 'it_task.create', entity: 'it_task', entityId: String(id), details: { title: input.body.title, kind: input.body.kind } })
    return id
  })
  return readItTask(db, id, input.now)
}
