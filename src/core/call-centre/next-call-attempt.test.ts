import { describe, expect, it } from 'vitest'
import { DEFAULT_CALL_POLICY, type CallPolicy } from '../../contract/call-policy.ts'
import type { ContactWindow } from '../execution/contact-window.ts'
import { nextCallAttempt, type NextCallAttemptInput } from './next-call-attempt.ts'

// Known answers by hand: 2026-12-03 is a Thursday; Moscow is UTC+3, Yekaterinburg UTC+5.
const window: ContactWindow = { weekdays: { from: 540, until: 1260 }, weekends: null }
const policy: CallPolicy = { maxAttempts: 3, redialMinutes: { no_answer: 120, busy: 15, answering_machine: 240 } }
const at = (iso: string) => Date.parse(iso)

const base: NextCallAttemptInput = { policy, technical: 'no_answer', attempts: 1, at: at('2026-12-03T08:00:00Z'), utcOffsetHours: 3, window, programEndsAt: null }

describe('nextCallAttempt', () => {
  it.each([
    ['no answer at 11:00 Moscow → 13:00', { technical: 'no_answer' }, { kind: 'redial', at: at('2026-12-03T10:00:00Z') }],
    ['busy at 11:00 Moscow → 11:15', { technical: 'busy' }, { kind: 'redial', at: at('2026-12-03T08:15:00Z') }],
    ['answering machine at 11:00 → 15:00', { technical: 'answering_machine' }, { kind: 'redial', at: at('2026-12-03T12:00:00Z') }],
    ['wrong number is never redialled', { technical: 'wrong_number' }, { kind: 'closed', reason: 'wrong_number' }],
    ['the third miss of three ends the attempts', { attempts: 3 }, { kind: 'exhausted' }],
    ['a wrong number on the last attempt is still a wrong number', { technical: 'wrong_number', attempts: 3 }, { kind: 'closed', reason: 'wrong_number' }],
    // 20:00 Moscow + 2 h = 22:00, after 21:00: Friday 09:00 Moscow = 06:00Z.
    ['no answer at 20:00 Moscow waits for 09:00 next morning', { at: at('2026-12-03T17:00:00Z') }, { kind: 'redial', at: at('2026-12-04T06:00:00Z') }],
    // Friday 20:00 Yekaterinburg (15:00Z) + 2 h: the weekend is closed, Monday 09:00 UTC+5 = 04:00Z.
    ['Friday evening in Yekaterinburg waits for Monday', { at: at('2026-12-04T15:00:00Z'), utcOffsetHours: 5 }, { kind: 'redial', at: at('2026-12-07T04:00:00Z') }],
    ['a redial after the program ends closes the task', { at: at('2026-12-03T17:00:00Z'), programEndsAt: at('2026-12-03T21:00:00Z') }, { kind: 'closed', reason: 'program_ended' }],
    ['a redial just before the end still happens', { programEndsAt: at('2026-12-03T10:00:01Z') }, { kind: 'redial', at: at('2026-12-03T10:00:00Z') }],
    ['the redial at the very end instant is too late', { programEndsAt: at('2026-12-03T10:00:00Z') }, { kind: 'closed', reason: 'program_ended' }],
  ] as const)('%s', (_name, change, expected) => {
    expect(nextCallAttempt({ ...base, ...change })).toEqual(expected)
  })

  it('uses the bank default of five attempts when the program sets none', () => {
    expect(nextCallAttempt({ ...base, policy: DEFAULT_CALL_POLICY, attempts: 4 }).kind).toBe('redial')
    expect(nextCallAttempt({ ...base, policy: DEFAULT_CALL_POLICY, attempts: 5 }).kind).toBe('exhausted')
  })
})
