import { sql, type Kysely } from 'kysely'
import type { ItTaskKind, ItTaskStatus } from '../../contract/it-task-statuses.ts'
import type { Schema } from '../schema.ts'

// Data tasks for IT and their comments (migration 0036).

export type ItTaskFields = {
  title: string
  description: string
  kind: ItTaskKind
  clientCount: number | null
  selectionId: number | null
  fields: string[]
  owner: string | null
  dueDate: string | null
}

export type ItTaskRow = ItTaskFields & {
  id: number
  selectionName: string | null
  status: ItTaskStatus
  createdBy: string
  createdAt: string
  updatedAt: string
  closedAt: string | null
  comments: { at: string; author: string; text: string }[]
}

export type ItTaskFilter = { id?: number; status?: ItTaskStatus; kind?: ItTaskKind; owner?: string; overdueOn?: string; lock?: boolean }

export async function insertItTask(db: Kysely<Schema>, task: ItTaskFields & { createdBy: { id: number; login: string }; at: Date }): Promise<number> {
  const row = await db
    .insertInto('it_tasks')
    .values({
      title: task.title, description: task.description, kind: task.kind, client_count: task.clientCount, selection_id: task.selectionId, fields: task.fields,
      owner: task.owner, due_date: task.dueDate, created_by: task.createdBy.id, created_by_login: task.createdBy.login, created_at: task.at, updated_at: task.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The tasks, open ones with the nearest due date first; `overdueOn` keeps the open ones due before that day. */
export async function listItTaskRows(db: Kysely<Schema>, f: ItTaskFilter): Promise<ItTaskRow[]> {
  let query = db
    .selectFrom('it_tasks as t')
    .leftJoin('selections as s', 's.id', 't.selection_id')
    .selectAll('t')
    .select([
      's.name as selection_name',
      sql<{ at: string; author: string; text: string }[]>`coalesce((SELECT json_agg(json_build_object('at', c.at, 'author', c.author_login, 'text', c.text) ORDER BY c.id)
        FROM it_task_comments c WHERE c.task_id = t.id), '[]'::json)`.as('comments'),
    ])
    .orderBy(sql`t.status IN ('new', 'in_progress')`, 'desc')
    .orderBy('t.due_date', (ob) => ob.asc().nullsLast())
    .orderBy('t.id', 'desc')
  if (f.id !== undefined) query = query.where('t.id', '=', f.id)
  if (f.status) query = query.where('t.status', '=', f.status)
  if (f.kind) query = query.where('t.kind', '=', f.kind)
  if (f.owner) query = query.where('t.owner', '=', f.owner)
  if (f.overdueOn) query = query.where('t.status', 'in', ['new', 'in_progress']).where('t.due_date', '<', f.overdueOn)
  if (f.lock) query = query.forUpdate('t')
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id, title: r.title, description: r.description, kind: r.kind, clientCount: r.client_count, selectionId: r.selection_id, selectionName: r.selection_name,
    fields: r.fields, owner: r.owner, dueDate: r.due_date, status: r.status, createdBy: r.created_by_login, createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(), closedAt: r.closed_at?.toISOString() ?? null,
    comments: r.comments.map((c) => ({ at: new Date(c.at).toISOString(), author: c.author, text: c.text })),
  }))
}

export async function updateItTask(db: Kysely<Schema>, id: number, change: Partial<ItTaskFields> & { status?: ItTaskStatus; closed?: boolean; at: Date }): Promise<void> {
  const { at, status, closed, clientCount, selectionId, dueDate, ...text } = change
  await db
    .updateTable('it_tasks')
    .set({
      ...text,
      updated_at: at,
      ...(clientCount !== undefined && { client_count: clientCount }),
      ...(selectionId !== undefined && { selection_id: selectionId }),
      ...(dueDate !== undefined && { due_date: dueDate }),
      ...(status !== undefined && { status, closed_at: closed ? at : null }),
    })
    .where('id', '=', id)
    .execute()
}

export async function insertItTaskComment(db: Kysely<Schema>, comment: { taskId: number; author: { id: number; login: string }; text: string; at: Date }): Promise<void> {
  await db.insertInto('it_task_comments').values({ task_id: comment.taskId, author_id: comment.author.id, author_login: comment.author.login, text: comment.text, at: comment.at }).execute()
  await db.updateTable('it_tasks').set({ updated_at: comment.at }).where('id', '=', comment.taskId).execute()
}
