import { describe, expect, it } from 'vitest'
import { cumulateResponseCurve, curveLastDay } from './cumulate-response-curve.ts'

// Hand-counted: a 3-day window; 4 target members of whom 1 first responds on day 0 and 2 on day 2;
// 2 control members of whom 1 responds on day 1. Within d days: target 0, 1, 1, 3 of 4; control 0, 0, 1, 1 of 2.
const target = { members: 4, lastDay: 3, firstDays: [{ day: 0, responders: 1 }, { day: 2, responders: 2 }] }
const control = { members: 2, lastDay: 3, firstDays: [{ day: 1, responders: 1 }] }

describe('cumulateResponseCurve', () => {
  it('counts the members who responded within d days, d = 0 … the window', () => {
    const points = cumulateResponseCurve({ target: [target], control: [control] })
    expect(points.map((p) => [p.day, p.target.responders, p.control.responders])).toEqual([[0, 0, 0], [1, 1, 0], [2, 1, 1], [3, 3, 1]])
    expect(points.map((p) => p.target.share)).toEqual([0, 0.25, 0.25, 0.75])
    expect(points.map((p) => p.control.share)).toEqual([0, 0, 0.5, 0.5])
    expect(points.every((p) => p.target.members === 4 && p.control.members === 2)).toBe(true)
  })

  it('pools waves as cohorts: a wave counts at day d only once it has reached day d', () => {
    // A second wave one day old: 10 target members, 5 responding on day 0; 10 control, none yet.
    const young = { target: { members: 10, lastDay: 1, firstDays: [{ day: 0, responders: 5 }] }, control: { members: 10, lastDay: 1, firstDays: [] } }
    const points = cumulateResponseCurve({ target: [target, young.target], control: [control, young.control] })
    expect(points[1]).toEqual({ day: 1, target: { members: 14, responders: 6, share: 6 / 14 }, control: { members: 12, responders: 0, share: 0 } })
    expect(points[2]).toEqual({ day: 2, target: { members: 4, responders: 1, share: 0.25 }, control: { members: 2, responders: 1, share: 0.5 } })
    expect(points).toHaveLength(4)
  })

  it('has no points without a cohort, and a zero share for an empty group', () => {
    expect(cumulateResponseCurve({ target: [], control: [] })).toEqual([])
    expect(cumulateResponseCurve({ target: [{ members: 0, lastDay: 1, firstDays: [] }], control: [] })[1]).toEqual({
      day: 1, target: { members: 0, responders: 0, share: 0 }, control: { members: 0, responders: 0, share: 0 },
    })
  })
})

describe('curveLastDay', () => {
  it.each([
    ['2026-03-01T09:00:00Z', 0],
    ['2026-03-01T09:00:01Z', 1],
    ['2026-03-03T08:00:00Z', 2],
    ['2026-03-03T10:00:00Z', 3],
    ['2026-06-01T00:00:00Z', 30],
    ['2026-02-01T00:00:00Z', 0],
  ])('a 30-day window from 2026-03-01 09:00 UTC reaches, at %s, day %i', (now, day) => {
    expect(curveLastDay({ from: '2026-03-01T09:00:00Z', days: 30, now: new Date(now) })).toBe(day)
  })
})
