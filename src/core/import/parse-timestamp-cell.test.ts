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

  // A call log's times are on the bank's clock (bankClock fields): an offset in the cell still wins.
  it.each([
    ['02.03.2026 10:00', 'Europe/Moscow', '2026-03-02T07:00:00Z'],
    ['2026-03-02 01:30', 'Europe/Moscow', '2026-03-01T22:30:00Z'],
    ['2026-03-02 10:00', 'Asia/Vladivostok', '2026-03-02T00:00:00Z'],
    ['2026-03-02 10:00+05:00', 'Europe/Moscow', '2026-03-02T10:00:00+05:00'],
    ['2026-03-02T10:00Z', 'Europe/Moscow', '2026-03-02T10:00:00Z'],
  ])('%j on the clock of %s → %s', (text, zone, expected) => {
    expect(parseTimestampCell(text, zone)).toBe(expected)
  })
})
