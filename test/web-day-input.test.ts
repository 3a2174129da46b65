import { describe, expect, it } from 'vitest'
import { parseDayInput } from '../web/src/i18n/parse-day-input.ts'
import { formatDayTimeInput, parseDayTimeInput } from '../web/src/i18n/parse-day-time-input.ts'

// What staff type into a date field of the web UI (the audit period): day first with dots in both
// languages, ISO, and in English the way the app writes days ("05 Mar 2025").
describe('parseDayInput', () => {
  it.each([
    ['05.03.2025', 'ru', '2025-03-05'],
    ['5.3.2025', 'ru', '2025-03-05'],
    [' 31.12.2026 ', 'ru', '2026-12-31'],
    ['29.02.2024', 'ru', '2024-02-29'],
    ['2025-03-05', 'ru', '2025-03-05'],
    ['05.03.2025', 'en', '2025-03-05'],
    ['05 Mar 2025', 'en', '2025-03-05'],
    ['5 March 2025', 'en', '2025-03-05'],
    ['10 Sept 2018', 'en', '2018-09-10'],
    ['10 Sep 2018', 'en', '2018-09-10'],
  ] as const)('%s in %s is %s', (text, language, day) => {
    expect(parseDayInput(text, language)).toBe(day)
  })

  it.each([
    // Not a day of the calendar.
    ['31.02.2025', 'ru'],
    ['29.02.2025', 'ru'],
    ['00.01.2025', 'ru'],
    ['2025-13-01', 'ru'],
    // Month first or day first cannot be told.
    ['03/05/2025', 'en'],
    ['03/05/2025', 'ru'],
    // Words are read in English only; "Marc" names no month.
    ['05 Mar 2025', 'ru'],
    ['05 Marc 2025', 'en'],
    ['05.03.25', 'ru'],
    ['', 'ru'],
  ] as const)('refuses %s in %s', (text, language) => {
    expect(parseDayInput(text, language)).toBeNull()
  })
})

// The callback time an operator types (the call centre's outcome panel), in the user's own clock.
describe('parseDayTimeInput', () => {
  it.each([
    ['05.03.2025 14:30', 'ru', '2025-03-05T14:30'],
    [' 5.3.2025  9:05 ', 'ru', '2025-03-05T09:05'],
    ['31.12.2026 23:59', 'ru', '2026-12-31T23:59'],
    ['05 Mar 2025 14:30', 'en', '2025-03-05T14:30'],
    ['05.03.2025 00:00', 'en', '2025-03-05T00:00'],
    ['2025-03-05 14:30', 'ru', '2025-03-05T14:30'],
  ] as const)('%s in %s is %s', (text, language, local) => {
    expect(parseDayTimeInput(text, language)).toBe(local)
  })

  it.each([
    ['05.03.2025', 'ru'], // no time
    ['05.03.2025 24:00', 'ru'],
    ['05.03.2025 14:60', 'ru'],
    ['31.02.2025 10:00', 'ru'],
    ['03/05/2025 10:00', 'en'],
    ['завтра в 10', 'ru'],
  ] as const)('refuses %s in %s', (text, language) => {
    expect(parseDayTimeInput(text, language)).toBeNull()
  })

  it('writes the moment back as the field shows it in each language', () => {
    expect(formatDayTimeInput('2025-03-05T14:30', 'ru')).toBe('05.03.2025 14:30')
    expect(formatDayTimeInput('2025-03-05T14:30', 'en')).toBe('05 Mar 2025 14:30')
    for (const language of ['ru', 'en'] as const) expect(parseDayTimeInput(formatDayTimeInput('2026-12-31T08:15', language), language)).toBe('2026-12-31T08:15')
  })
})
