// A lead (issue 8, item 6): a client who showed interest — clicked the offer's link, said
// interested or agreed on a call, replied to an SMS — for their personal manager or branch to follow
// up. Its status moves by one table; a move outside it is refused naming the moves allowed.

export const LEAD_STATUSES = ['new', 'in_work', 'won', 'lost'] as const
export type LeadStatus = (typeof LEAD_STATUSES)[number]

/** The moves allowed from each status. A closed lead stays closed: a new interest makes a new lead. */
export const LEAD_MOVES: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ['in_work', 'lost'],
  in_work: ['won', 'lost'],
  won: [],
  lost: [],
}

export const LEAD_SOURCES = ['click', 'call', 'sms'] as const
export type LeadSource = (typeof LEAD_SOURCES)[number]

/** What the client did: the call's business outcome, a click on the link, an SMS reply. */
export const LEAD_OUTCOMES = ['click', 'interested', 'agreed', 'reply'] as const
export type LeadOutcome = (typeof LEAD_OUTCOMES)[number]

export const LEAD_ROUTES = ['personal_manager', 'branch', 'unrouted'] as const

export function isLeadStatus(value: string): value is LeadStatus {
  return (LEAD_STATUSES as readonly string[]).includes(value)
}
