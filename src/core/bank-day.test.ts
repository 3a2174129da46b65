import { describe, expect, it } from 'vitest'
import { bankDay, bankDayStart, isTimeZone } from './bank-day.ts'

describe('bankDay', () => {
  it.each([
    // Moscow is UTC+3 all year: the bank's day starts at 21:00 UTC the evening before.
    ['2026-03-14T20:59:59.999Z', 'Europe/Moscow', '2026-03-14'],
    ['2026-03-14T21:00:00.000Z', 'Europe/Moscow', '2026-03-15'],
    ['2026-03-14T21:00:00.000Z', 'UTC', '2026-03-14'],
    ['2026-12-31T21:30:00.000Z', 'Europe/Moscow', '2027-01-01'],
    // Vladivostok is UTC+10; Kaliningrad UTC+2.
    ['2026-06-30T14:00:00.000Z', 'Asia/Vladivostok', '2026-07-01'],
    ['2026-06-30T21:59:00.000Z', 'Europe/Kaliningrad', '2026-06-30'],
  ])('at %s in %s is %s', (instant, zone, day) => {
    expect(bankDay(new Date(instant), zone)).toBe(day)
  })
})

describe('bankDayStart', () => {
  it.each([
    ['2026-03-15', 'Europe/Moscow', '2026-03-14T21:00:00.000Z'],
    ['2026-03-15', 'UTC', '2026-03-15T00:00:00.000Z'],
    ['2026-01-01', 'Asia/Vladivostok', '2025-12-31T14:00:00.000Z'],
    // Across a DST change (Berlin: UTC+1 in winter, UTC+2 from 29 March 2026).
    ['2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', 'Europe/Berlin', '2026-03-29T22:00:00.000Z'],
  ])('%s in %s begins at %s', (day, zone, instant) => {
    expect(new Date(bankDayStart(day, zone)).toISOString()).toBe(instant)
  })

  it('is the first instant of the bank day', () => {
    const start = bankDayStart('2026-03-15', 'Europe/Moscow')
    expect(bankDay(new Date(start), 'Europe/Moscow')).toBe('2026-03-15')
    expect(bankDay(new Date(start - 1), 'Europe/Moscow')).toBe('2026-03-14')
  })
})

describe('isTimeZone', () => {
  it.each([['Europe/Moscow', true], ['UTC', true], ['Mars/Olympus', false], ['', false]])('%s → %s', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known)
  })
})
