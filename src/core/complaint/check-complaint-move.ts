import { COMPLAINT_MOVES, type ComplaintStatus } from '../../contract/complaint-statuses.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'

/** Refuses a move the table (contract/complaint-statuses.ts) has not: 409, naming the status and the moves open from it. */
export function checkComplaintMove(from: ComplaintStatus, to: ComplaintStatus): void {
  if (COMPLAINT_MOVES[from].includes(to)) return
  const allowed = COMPLAINT_MOVES[from].join(', ') || 'none'
  throw new DomainError('conflict', `A complaint in status ${from} cannot move to ${to}; allowed: ${allowed}`, reason('complaint.move_not_allowed', { status: from, to, allowed }))
}
