// A data task for IT from the analyst (issue 10, item 7). Its status moves by one table; a move
// outside it is refused (409) naming the moves allowed.
export const IT_TASK_KINDS = ['new_field', 'data_fix', 'extract'] as const
export type ItTaskKind = (typeof IT_TASK_KINDS)[number]

export const IT_TASK_STATUSES = ['new', 'in_progress', 'done', 'cancelled'] as const
export type ItTaskStatus = (typeof IT_TASK_STATUSES)[number]

/** A task found not done (the fix did not hold) is reopened; a cancelled one stays cancelled. */
export const IT_TASK_MOVES: Record<ItTaskStatus, readonly ItTaskStatus[]> = {
  new: ['in_progress', 'cancelled'],
  in_progress: ['done', 'new', 'cancelled'],
  done: ['in_progress'],
  cancelled: [],
}

/** Open tasks count toward the overdue flag. */
export function isOpenItTask(status: ItTaskStatus): boolean {
  return status === 'new' || status === 'in_progress'
}
