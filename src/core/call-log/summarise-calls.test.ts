import { describe, expect, it } from 'vitest'
import { summariseCalls, type CallFact } from './summarise-calls.ts'

// A hand-computed week (Moscow, UTC+3; 2 March 2026 is a Monday). Client 1's calls a and b are
// each repeated within 7 × 24 h (b by c exactly 168 h later, after the period); client 2's dropped
// call d is followed by the bank's outbound call e, which is no repeat, and by f 168 h + 1 min
// later, too late; client 3's h (01:30 on 2 March, still 1 March in UTC) is repeated by g.
const call = (name: string, clientId: number, at: string, rest: Omit<CallFact, 'clientId' | 'startedAt'>) => ({ name, clientId, startedAt: Date.parse(at), ...rest })
const CALLS = [
  call('a', 1, '2026-03-02T10:00:00+03:00', { direction: 'inbound', reason: 'card', durationSeconds: 120, outcome: 'resolved' }),
  call('b', 1, '2026-03-04T09:30:00+03:00', { direction: 'inbound', reason: 'card', durationSeconds: 300, outcome: 'callback' }),
  call('c', 1, '2026-03-11T09:30:00+03:00', { direction: 'inbound', reason: 'card', durationSeconds: 50, outcome: 'resolved' }),
  call('d', 2, '2026-03-03T23:30:00+03:00', { direction: 'inbound', reason: 'loan', durationSeconds: 60, outcome: 'dropped' }),
  call('e', 2, '2026-03-04T12:00:00+03:00', { direction: 'outbound', reason: 'loan', durationSeconds: 240, outcome: 'resolved' }),
  call('f', 2, '2026-03-10T23:31:00+03:00', { direction: 'inbound', reason: 'loan', durationSeconds: 70, outcome: 'resolved' }),
  call('h', 3, '2026-03-02T01:30:00+03:00', { direction: 'inbound', reason: 'deposit', durationSeconds: 30, outcome: 'escalated' }),
  call('g', 3, '2026-03-08T23:59:00+03:00', { direction: 'inbound', reason: 'deposit', durationSeconds: 90, outcome: 'resolved' }),
] satisfies (CallFact & { name: string })[]

describe('summariseCalls', () => {
  const summary = summariseCalls({ calls: CALLS, from: '2026-03-02', to: '2026-03-08', timeZone: 'Europe/Moscow' })

  it('counts the period on the bank clock, with handle time over the talked calls (numpy linear percentiles)', () => {
    // a b d e g h; talked durations 30 90 120 240 300: median 120, p90 = 240 + 0.6 × 60 = 276.
    expect(summary.totals).toEqual({ calls: 6, inbound: 5, outbound: 1, clients: 3, medianSeconds: 120, p90Seconds: 276 })
  })
  it('resolves at first contact the inbound calls no inbound call of the client followed within 168 hours', () => {
    // Repeated: a (by b), b (by c, exactly 168 h), h (by g). Not: d (e is outbound, f is 1 min late), g.
    expect(summary.firstCallResolution).toEqual({ inbound: 5, repeated: 3, share: 0.4 })
  })
  it('breaks the calls down by reason, most calls first, then by name', () => {
    expect(summary.byReason).toEqual([
      { reason: 'card', calls: 2, medianSeconds: 210, p90Seconds: 282, firstCallResolution: { inbound: 2, repeated: 2, share: 0 } },
      { reason: 'deposit', calls: 2, medianSeconds: 60, p90Seconds: 84, firstCallResolution: { inbound: 2, repeated: 1, share: 0.5 } },
      { reason: 'loan', calls: 2, medianSeconds: 240, p90Seconds: 240, firstCallResolution: { inbound: 1, repeated: 0, share: 1 } },
    ])
  })
  it('counts outcomes, days (every day of the period) and weekday × hour cells on the bank clock', () => {
    expect(summary.byOutcome).toEqual([
      { outcome: 'resolved', calls: 3 }, { outcome: 'escalated', calls: 1 }, { outcome: 'callback', calls: 1 },
      { outcome: 'complaint', calls: 0 }, { outcome: 'dropped', calls: 1 },
    ])
    expect(summary.byDay).toEqual([
      { day: '2026-03-02', calls: 2 }, { day: '2026-03-03', calls: 1 }, { day: '2026-03-04', calls: 2 }, { day: '2026-03-05', calls: 0 },
      { day: '2026-03-06', calls: 0 }, { day: '2026-03-07', calls: 0 }, { day: '2026-03-08', calls: 1 },
    ])
    expect(summary.byHour).toEqual([
      { weekday: 1, hour: 1, calls: 1 }, { weekday: 1, hour: 10, calls: 1 }, { weekday: 2, hour: 23, calls: 1 },
      { weekday: 3, hour: 9, calls: 1 }, { weekday: 3, hour: 12, calls: 1 }, { weekday: 7, hour: 23, calls: 1 },
    ])
  })
})
