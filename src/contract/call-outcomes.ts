// A call's outcome comes in two layers (issue 8, item 5): the technical one says whether the
// client was reached at all; only a call that connected has a business outcome.
export const TECHNICAL_OUTCOMES = ['connected', 'no_answer', 'busy', 'wrong_number', 'answering_machine'] as const
export type TechnicalOutcome = (typeof TECHNICAL_OUTCOMES)[number]

/** The technical outcomes that are redialled after an interval (a wrong number never is). */
export const REDIAL_OUTCOMES = ['no_answer', 'busy', 'answering_machine'] as const
export type RedialOutcome = (typeof REDIAL_OUTCOMES)[number]

export const BUSINESS_OUTCOMES = ['refused', 'interested', 'agreed', 'callback', 'complaint', 'do_not_call'] as const
export type BusinessOutcome = (typeof BUSINESS_OUTCOMES)[number]

/** Do-not-call for this program only, or for the whole bank (a consent refusal on `call`). */
export const DO_NOT_CALL_SCOPES = ['program', 'bank'] as const
export type DoNotCallScope = (typeof DO_NOT_CALL_SCOPES)[number]

export const CALL_TASK_STATUSES = ['open', 'in_call', 'done', 'exhausted', 'closed', 'removed'] as const
export type CallTaskStatus = (typeof CALL_TASK_STATUSES)[number]

export function isTechnicalOutcome(value: string): value is TechnicalOutcome {
  return (TECHNICAL_OUTCOMES as readonly string[]).includes(value)
}

export function isBusinessOutcome(value: string): value is BusinessOutcome {
  return (BUSINESS_OUTCOMES as readonly string[]).includes(value)
}
