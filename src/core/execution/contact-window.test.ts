import { describe, expect, it } from 'vitest'
import { checkContactWindow, findWindowProblem, type ContactWindow } from './contact-window.ts'

const NINE_TO_NINE: ContactWindow = { weekdays: { from: 9 * 60, until: 21 * 60 }, weekends: { from: 10 * 60, until: 18 * 60 } }
const at = (iso: string) => Date.parse(iso)

// The same instant is day in Moscow (UTC+3) and night in Vladivostok (UTC+10): worked by hand.
describe('checkContactWindow', () => {
  it('allows 15:00 in Moscow and refuses the same instant in Vladivostok (22:00 there), naming when the window opens', () => {
    // Wednesday 2026-12-02 12:00 UTC+3 = 09:00Z; in UTC+10 it is 19:00 — allowed too.
    expect(checkContactWindow(at('2026-12-02T09:00:00Z'), 3, NINE_TO_NINE)).toEqual({ allowed: true })
    expect(checkContactWindow(at('2026-12-02T09:00:00Z'), 10, NINE_TO_NINE)).toEqual({ allowed: true })
    // 12:00Z: 15:00 in Moscow, 22:00 in Vladivostok → Thursday 09:00 there = Wednesday 23:00Z.
    expect(checkContactWindow(at('2026-12-02T12:00:00Z'), 3, NINE_TO_NINE)).toEqual({ allowed: true })
    expect(checkContactWindow(at('2026-12-02T12:00:00Z'), 10, NINE_TO_NINE)).toEqual({ allowed: false, nextAt: at('2026-12-02T23:00:00Z') })
  })

  it('treats the window as [from, until): 21:00 sharp is closed, 08:59 waits a minute', () => {
    expect(checkContactWindow(at('2026-12-02T18:00:00Z'), 3, NINE_TO_NINE)).toEqual({ allowed: false, nextAt: at('2026-12-03T06:00:00Z') })
    expect(checkContactWindow(at('2026-12-02T05:59:00Z'), 3, NINE_TO_NINE)).toEqual({ allowed: false, nextAt: at('2026-12-02T06:00:00Z') })
    expect(checkContactWindow(at('2026-12-02T17:59:59Z'), 3, NINE_TO_NINE)).toEqual({ allowed: true })
  })

  it('uses the weekend window on Saturday and Sunday in local time, and skips days off without one', () => {
    // Friday 2026-12-04 22:00 in Moscow (19:00Z) → Saturday 10:00 = 07:00Z.
    expect(checkContactWindow(at('2026-12-04T19:00:00Z'), 3, NINE_TO_NINE)).toEqual({ allowed: false, nextAt: at('2026-12-05T07:00:00Z') })
    // In UTC+12 (Kamchatka) 2026-12-04T19:00Z is already Saturday 07:00 → 10:00 local = 22:00Z Friday.
    expect(checkContactWindow(at('2026-12-04T19:00:00Z'), 12, NINE_TO_NINE)).toEqual({ allowed: false, nextAt: at('2026-12-04T22:00:00Z') })
    const weekdaysOnly = { ...NINE_TO_NINE, weekends: null }
    expect(checkContactWindow(at('2026-12-05T09:00:00Z'), 3, weekdaysOnly)).toEqual({ allowed: false, nextAt: at('2026-12-07T06:00:00Z') })
  })

  it('names what is wrong with a window', () => {
    expect(findWindowProblem({ from: 540, until: 1260 })).toBeUndefined()
    expect(findWindowProblem({ from: 1260, until: 540 })).toBe('from must be before until')
    expect(findWindowProblem({ from: -1, until: 540 })).toMatch(/^from:/)
    expect(findWindowProblem({ from: 0, until: 1441 })).toMatch(/^until:/)
  })
})
