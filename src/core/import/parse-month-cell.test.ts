import { describe, expect, it } from 'vitest'
import { parseMonthCell } from './parse-month-cell.ts'

describe('parseMonthCell', () => {
  it.each([
    ['2024-03', '2024-03-01'],
    ['2024.3', '2024-03-01'],
    ['03.2024', '2024-03-01'],
    ['3/2024', '2024-03-01'],
    ['31.03.2024', '2024-03-01'],
    ['2024-03-01', '2024-03-01'],
  ])('%j → %s', (text, expected) => {
    expect(parseMonthCell(text)).toBe(expected)
  })

  it.each(['2024-13', '13.2024', 'март', '2024'])('%j is not a month', (text) => {
    expect(parseMonthCell(text)).toBeUndefined()
  })
})
