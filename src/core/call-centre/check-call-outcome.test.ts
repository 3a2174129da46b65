import { describe, expect, it } from 'vitest'
import { checkCallOutcome, type CallOutcomeInput } from './check-call-outcome.ts'

const now = Date.parse('2026-12-03T08:00:00Z')
const end = Date.parse('2026-12-31T21:00:00Z')
const base: CallOutcomeInput = { technical: 'connected', business: 'agreed', callbackAt: null, doNotCall: null, now, programEndsAt: end }

describe('checkCallOutcome', () => {
  it.each([
    ['agreed on a connected call', {}, undefined],
    ['no answer with no business outcome', { technical: 'no_answer', business: null }, undefined],
    ['a callback tomorrow', { business: 'callback', callbackAt: now + 86_400_000 }, undefined],
    ['do-not-call for the bank', { business: 'do_not_call', doNotCall: 'bank' }, undefined],
    ['connected without a business outcome', { business: null }, 'call.business_outcome_needed'],
    ['busy with "agreed"', { technical: 'busy', business: 'agreed' }, 'call.business_outcome_unreached'],
    ['a callback without a time', { business: 'callback' }, 'call.callback_time_needed'],
    ['a callback now', { business: 'callback', callbackAt: now }, 'call.callback_in_past'],
    ['a callback after the program ends', { business: 'callback', callbackAt: end }, 'call.callback_after_program'],
    ['a time with "refused"', { business: 'refused', callbackAt: now + 1000 }, 'call.callback_time_unexpected'],
    ['do-not-call without its scope', { business: 'do_not_call' }, 'call.do_not_call_scope_needed'],
  ] as const)('%s', (_name, change, code) => {
    expect(checkCallOutcome({ ...base, ...change })?.code).toBe(code)
  })

  it('takes any future callback when the program has no end', () => {
    expect(checkCallOutcome({ ...base, business: 'callback', callbackAt: now + 365 * 86_400_000, programEndsAt: null })).toBeUndefined()
  })
})
