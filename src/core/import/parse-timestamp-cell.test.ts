import { describe, expect, it } from 'vitest'
import { parseTimestampCell } from './parse-timestamp-cell.ts'

describe('parseTimestampCell', () => {
  it.each([
    ['01.03.2024', '2024-03-01T00:00:00Z'],
    ['01.03.2024 14:30', '2024-03-01T14:30:00Z'],
    ['01.03.2024 14:30:15', '2024-03-01T14:30:15Z'],
    ['2024-03-01', '2024-03-01T00:00:00Z'],
    ['2024-03-01T14:30:15Z', '2024-03-01T14:30:15Z'],
    ['2024-03-01T14:30:15.250Z', '2024-03-01T14:30:15Z'],
    ['2024-03-01 14:30:15+03:00', '2024-03-01T14:30:15+03:00'],
    ['2024-03-01T14:30:15+0300', '2024-03-01T14:30:15+03:00'],
  ])('%j → %s', (text, expected) => {
    expect(parseTimestampCell(text)).toBe(expected)
  })

  it.each(['2024-03-01 24:00', '2024-03-01 12:60', '32.01.2024', '2024-03-01T10:00:00+15:00', 'now'])('%j is refused', (text) => {
    expect(parseTimestampCell(text)).toBeUndefined()
  })
})
