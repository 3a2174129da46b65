import { LEAD_MOVES, type LeadStatus } from '../../contract/lead-statuses.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'

/** Refuses a move the table (contract/lead-statuses.ts) has not: 409, naming the status and the moves open from it. */
export function checkLeadMove(from: LeadStatus, to: LeadStatus): void {
  if (LEAD_MOVES[from].includes(to)) return
  const allowed = LEAD_MOVES[from].join(', ') || 'none'
  throw new DomainError('conflict', `A lead in status ${from} cannot move to ${to}; allowed: ${allowed}`, reason('lead.move_not_allowed', { status: from, to, allowed }))
}
