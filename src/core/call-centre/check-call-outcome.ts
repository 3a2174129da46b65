import type { BusinessOutcome, DoNotCallScope, TechnicalOutcome } from '../../contract/call-outcomes.ts'
import { reason, type Reason } from '../../contract/reason-codes.ts'

export type CallOutcomeInput = {
  technical: TechnicalOutcome
  business: BusinessOutcome | null
  /** A callback's time (ms since the epoch), when business is `callback`. */
  callbackAt: number | null
  doNotCall: DoNotCallScope | null
  now: number
  /** The instant the program ends, or null. */
  programEndsAt: number | null
}

/**
 * Whether an outcome makes sense, or the rule it breaks: a business outcome only for a call that
 * connected, and always for one; a callback needs a time after now and before the program ends;
 * do-not-call says whether it is for the program or the bank.
 */
export function checkCallOutcome(input: CallOutcomeInput): Reason | undefined {
  const reached = input.technical === 'connected'
  if (reached && input.business === null) return reason('call.business_outcome_needed', { technical: input.technical })
  if (!reached && input.business !== null) return reason('call.business_outcome_unreached', { technical: input.technical, business: input.business })
  if (input.business === 'callback') {
    if (input.callbackAt === null) return reason('call.callback_time_needed')
    if (input.callbackAt <= input.now) return reason('call.callback_in_past', { at: new Date(input.callbackAt).toISOString() })
    if (input.programEndsAt !== null && input.callbackAt >= input.programEndsAt) {
      return reason('call.callback_after_program', { at: new Date(input.callbackAt).toISOString(), end: new Date(input.programEndsAt).toISOString() })
    }
  } else if (input.callbackAt !== null) return reason('call.callback_time_unexpected', { business: input.business })
  if (input.business === 'do_not_call' && input.doNotCall === null) return reason('call.do_not_call_scope_needed')
  return undefined
}
