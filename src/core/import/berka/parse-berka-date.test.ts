import { describe, expect, it } from 'vitest'
import { addMonths, parseBerkaDate } from './parse-berka-date.ts'

describe('parseBerkaDate', () => {
  it.each([['930101', '1993-01-01'], ['931107 00:00:00', '1993-11-07'], ['981231', '1998-12-31']])('%s → %s', (text, expected) => {
    expect(parseBerkaDate(text)).toBe(expected)
  })
  it.each(['930230', '93-01-01', '1993-01-01', '931107 10:00:00'])('%s is refused', (text) => {
    expect(parseBerkaDate(text)).toBeUndefined()
  })
})

describe('addMonths', () => {
  it.each([
    ['1993-07-05', 12, '1994-07-05'],
    ['1993-01-31', 1, '1993-02-28'],
    ['1995-11-30', 3, '1996-02-29'],
    ['1993-12-15', 60, '1998-12-15'],
  ])('%s + %d months → %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected)
  })
})
