import { describe, expect, it } from 'vitest'
import { calendarMonth, dayNumber, dayOfIso, isoDay, isoTimestamp, monthStart, yearOf } from './day-number.ts'

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['2000-02-29', 11_016],
    ['2026-11-26', 20_783],
    ['1941-06-22', -10_420],
  ])('%s is day %i', (iso, day) => {
    expect(dayOfIso(iso)).toBe(day)
    expect(isoDay(day)).toBe(iso)
  })

  it('takes the UTC day of a moment', () => {
    expect(dayNumber(new Date('2026-11-26T23:59:59Z'))).toBe(20_783)
  })

  it.each([
    // Moscow 10:00 is 07:00 UTC; Vladivostok 09:00 is 23:00 UTC the day before.
    [20_783, 7 * 60, '2026-11-26T07:00:00Z'],
    [20_783, 9 * 60 - 10 * 60, '2026-11-25T23:00:00Z'],
    [20_783, 24 * 60 + 5, '2026-11-27T00:05:00Z'],
  ])('day %i minute %i is %s', (day, minute, iso) => {
    expect(isoTimestamp(day, minute)).toBe(iso)
  })

  it.each([
    ['2026-11-26', 0, '2026-11-01'],
    ['2026-11-26', -11, '2025-12-01'],
    ['2026-01-31', -1, '2025-12-01'],
    ['2026-12-15', 1, '2027-01-01'],
  ])('month start of %s %+i months is %s', (iso, months, expected) => {
    expect(isoDay(monthStart(dayOfIso(iso), months))).toBe(expected)
  })

  it('reads calendar month and year', () => {
    expect(calendarMonth(dayOfIso('2026-12-31'))).toBe(11)
    expect(yearOf(dayOfIso('2026-12-31'))).toBe(2026)
  })
})
