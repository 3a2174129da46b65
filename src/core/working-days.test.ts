import { describe, expect, it } from 'vitest'
import { addWorkingDays, isWorkingDay, STATUTE_ONLY } from './working-days.ts'

// Weekdays checked with Debian's python3 (datetime.date.fromisoformat(d).strftime('%a')):
// 2026-03-08 Sun, 2026-05-09 Sat, 2027-05-01 Sat, 2027-05-09 Sun, 2025-02-23 Sun, 2025-03-08 Sat.
describe('isWorkingDay (Labour Code art. 112)', () => {
  it.each([
    ['2026-03-06', true, 'a Friday'],
    ['2026-03-07', false, 'a Saturday'],
    ['2026-03-08', false, 'Women’s Day on a Sunday'],
    ['2026-03-09', false, 'its day off moved to Monday'],
    ['2026-03-10', true, 'the Tuesday after'],
    ['2026-05-11', false, 'Victory Day on a Saturday moves to Monday'],
    ['2027-05-03', false, 'Labour Day on a Saturday moves to Monday'],
    ['2027-05-10', false, 'Victory Day on a Sunday moves to Monday'],
    ['2025-02-24', false, 'Defender’s Day 2025 on a Sunday'],
    ['2025-03-10', false, 'Women’s Day 2025 on a Saturday moves to Monday, not Sunday'],
    ['2026-01-08', false, 'the New Year holidays'],
    ['2026-01-09', true, 'January days off move only by decree'],
    ['2026-06-12', false, 'Russia Day on a Friday'],
    ['2026-11-04', false, 'Unity Day on a Wednesday'],
  ])('%s is a working day: %s (%s)', (day, working) => {
    expect(isWorkingDay(day)).toBe(working)
  })

  it('takes a year’s decree: a day off beyond the statute and a Saturday made a working day', () => {
    const decree = { daysOff: ['2026-01-09'], workingDays: ['2025-11-01'] }
    expect(isWorkingDay('2026-01-09', decree)).toBe(false)
    expect(isWorkingDay('2025-11-01', decree)).toBe(true)
    expect(isWorkingDay('2025-11-01')).toBe(false)
  })
})

// Known answers by hand from the calendar (weekdays from python3 as above: 2026-05-08 Fri,
// 2026-04-30 Thu, 2026-12-30 Wed, 2025-10-31 Fri, 2026-12-03 Thu).
describe('addWorkingDays', () => {
  const decree = { daysOff: ['2025-11-03', '2026-12-31'], workingDays: ['2025-11-01'] }
  it.each([
    ['2026-05-08', 1, STATUTE_ONLY, '2026-05-12', 'over the weekend and Victory Day moved to Monday'],
    ['2026-04-30', 1, STATUTE_ONLY, '2026-05-04', 'over Labour Day and the weekend'],
    ['2026-12-03', 15, STATUTE_ONLY, '2026-12-24', 'three weeks of working days'],
    ['2026-12-30', 1, STATUTE_ONLY, '2026-12-31', 'the last day of the year works by statute'],
    ['2026-12-30', 1, decree, '2027-01-11', 'but not by decree, and the New Year holidays follow'],
    ['2025-10-31', 1, STATUTE_ONLY, '2025-11-03', 'Monday after a Friday'],
    ['2025-10-31', 1, decree, '2025-11-01', 'a Saturday made a working day by decree'],
    ['2026-03-06', 0, STATUTE_ONLY, '2026-03-06', 'none: the day itself'],
  ] as const)('%s + %i working days = %s (%s)', (from, days, calendar, due, _why) => {
    expect(addWorkingDays(from, days, calendar)).toBe(due)
  })
})
