import { describe, expect, it } from 'vitest'
import { summariseCalls } from '../call-log/summarise-calls.ts'
import { demoCalls } from './demo-calls.ts'

const callers = Array.from({ length: 500 }, (_, i) => ({ id: i + 1, phone: `7912${String(i).padStart(7, '0')}` }))
const input = { seed: 7, today: '2026-12-04', timeZone: 'Europe/Moscow', callers }

describe('demoCalls', () => {
  const calls = demoCalls(input)

  it('is the same for the same seed, and falls in the 90 days before today', () => {
    expect(demoCalls(input)).toEqual(calls)
    expect(Math.min(...calls.map((c) => c.startedAt.getTime()))).toBeGreaterThanOrEqual(Date.parse('2026-09-04T00:00:00+03:00'))
    expect(Math.max(...calls.map((c) => c.startedAt.getTime()))).toBeLessThan(Date.parse('2026-12-04T00:00:00+03:00'))
  })

  it('has the shape of a call centre: busy weekday days, quiet nights, most questions settled at once', () => {
    const summary = summariseCalls({ calls: calls.map((c) => ({ ...c, startedAt: c.startedAt.getTime() })), from: '2026-09-01', to: '2026-12-03', timeZone: 'Europe/Moscow' })
    expect(summary.totals.calls).toBeGreaterThan(600)
    const atHour = (hour: number) => summary.byHour.filter((c) => c.hour === hour).reduce((sum, c) => sum + c.calls, 0)
    const onDay = (weekday: number) => summary.byHour.filter((c) => c.weekday === weekday).reduce((sum, c) => sum + c.calls, 0)
    expect(atHour(11)).toBeGreaterThan(atHour(3) * 5)
    expect(onDay(1)).toBeGreaterThan(onDay(7) * 1.5)
    expect(summary.firstCallResolution.share).toBeGreaterThan(0.6)
    expect(summary.firstCallResolution.share).toBeLessThan(0.9)
    expect(summary.byReason[0]!.reason).toBe('card')
  })
})
