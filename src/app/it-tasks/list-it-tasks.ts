import type { Kysely } from 'kysely'
import type { ItTaskItem, ItTaskListQuery } from '../../contract/it-task-schemas.ts'
import { IT_TASK_MOVES, isOpenItTask } from '../../contract/it-task-statuses.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { listItTaskRows, type ItTaskRow } from '../../db/stores/it-task-store.ts'
import { bankToday } from '../bank/bank-today.ts'

/** The analyst's tasks for IT: open ones first, nearest due date first; `overdue` keeps the open ones past their date. */
export async function listItTasks(db: Kysely<Schema>, query: ItTaskListQuery & { now: Date }): Promise<ItTaskItem[]> {
  const today = await bankToday(db, query.now)
  const rows = await listItTaskRows(db, { status: query.status, kind: query.kind, owner: query.owner, ...(query.overdue && { overdueOn: today }) })
  const items = rows.map((row) => itTaskItemOf(row, today))
  // overdue=false: the ones not overdue, the complement of the flag.
  return query.overdue === false ? items.filter((item) => !item.overdue) : items
}

export async function readItTask(db: Kysely<Schema>, id: number, now: Date): Promise<ItTaskItem> {
  const [row] = await listItTaskRows(db, { id })
  if (!row) throw new DomainError('not_found', `No IT task ${id}`, reason('it_task.not_found', { task: id }))
  return itTaskItemOf(row, await bankToday(db, now))
}

function itTaskItemOf({ selectionId, selectionName, ...row }: ItTaskRow, today: string): ItTaskItem {
  return {
    ...row,
    selection: selectionId === null ? null : { id: selectionId, name: selectionName ?? '' },
    allowedMoves: [...IT_TASK_MOVES[row.status]],
    overdue: isOpenItTask(row.status) && row.dueDate !== null && row.dueDate < today,
  }
}
