import type { Kysely } from 'kysely'
import type { ItTaskItem } from '../../contract/it-task-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { insertItTaskComment, listItTaskRows } from '../../db/stores/it-task-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { readItTask } from './list-it-tasks.ts'

export type CommentItTaskInput = { id: number; text: string; author: SessionUser; now: Date }

/** A comment on a task, from the analyst or for IT; audited without its text. */
export async function commentItTask(db: Kysely<Schema>, input: CommentItTaskInput): Promise<ItTaskItem> {
  await db.transaction().execute(async (trx) => {
    const [task] = await listItTaskRows(trx, { id: input.id, lock: true })
    if (!task) throw new DomainError('not_found', `No IT task ${input.id}`, reason('it_task.not_found', { task: input.id }))
    await insertItTaskComment(trx, { taskId: input.id, author: input.author, text: input.text, at: input.now })
    await appendAuditEvent(trx, { userId: input.author.id, login: input.author.login, action: 'it_task.comment', entity: 'it_task', entityId: String(input.id) })
  })
  return readItTask(db, input.id, input.now)
}
