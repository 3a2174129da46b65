// A complaint's work (issue 10, item 1; DESIGN.md glossary: complaint): registered, taken in work,
// waiting for the client's answer, resolved (the bank has answered), closed (nothing left to do).
// One table of moves; a move outside it is refused naming the moves allowed. A resolved or closed
// complaint may be reopened (back in work) when the client comes back on the same matter.
// The contact policy counts a complaint as open until it is resolved (migration 0030).

export const COMPLAINT_STATUSES = ['registered', 'in_progress', 'awaiting_client', 'resolved', 'closed'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]

export const COMPLAINT_MOVES: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  registered: ['in_progress', 'resolved'],
  in_progress: ['awaiting_client', 'resolved'],
  awaiting_client: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
}

/** The statuses in which the bank still owes the client an answer: the SLA clock runs, the policy keeps marketing off. */
export const OPEN_COMPLAINT_STATUSES = ['registered', 'in_progress', 'awaiting_client'] as const satisfies readonly ComplaintStatus[]

export function isOpenComplaintStatus(status: ComplaintStatus): boolean {
  return (OPEN_COMPLAINT_STATUSES as readonly ComplaintStatus[]).includes(status)
}

// Why it happened, as the owner finds when resolving: the analysis counts them. Appended only.
export const COMPLAINT_ROOT_CAUSES = ['process', 'staff_error', 'it_failure', 'product_terms', 'third_party', 'client_misunderstanding', 'unfounded'] as const
export type ComplaintRootCause = (typeof COMPLAINT_ROOT_CAUSES)[number]

/** The repeat rule of the analysis: the same client complains again within this many days of their previous complaint. */
export const REPEAT_COMPLAINT_DAYS = 30
