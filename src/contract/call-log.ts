// A call of the bank's call centre as its log records it (DESIGN.md glossary "call"; issue 10,
// item 6): the client's own calls to the bank and the bank's calls to them — not the campaign call
// lists of a wave (contract/call-outcomes.ts), which have their own outcomes.

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const
export type CallDirection = (typeof CALL_DIRECTIONS)[number]

/**
 * How a call ended. `resolved`: the question was answered in the call; `escalated`: passed on to a
 * specialist or the back office; `callback`: the bank promised to call back; `complaint`: a
 * complaint was registered; `dropped`: the client hung up or the line broke before an answer.
 */
export const CALL_LOG_OUTCOMES = ['resolved', 'escalated', 'callback', 'complaint', 'dropped'] as const
export type CallLogOutcome = (typeof CALL_LOG_OUTCOMES)[number]

/**
 * The reasons Otklik knows by name, so that the analysis labels them in the reader's language; a
 * call centre's own reason that is none of these is kept as its text (app: core/import/parse-call-reason.ts).
 */
export const CALL_REASONS = ['card', 'payments', 'loan', 'deposit', 'remote_banking', 'fees', 'account', 'information', 'other'] as const
export type CallReason = (typeof CALL_REASONS)[number]

/** A repeat within this many days of a client's inbound call means the call did not settle it. */
export const REPEAT_CALL_DAYS = 7
