import { describe, expect, it } from 'vitest'
import { parseDurationCell } from './parse-duration-cell.ts'

describe('parseDurationCell', () => {
  it.each([
    ['245', 245], ['0', 0], ['4:05', 245], ['04:05', 245], ['75:30', 4530], ['1:02:03', 3723], [' 0:59 ', 59], ['86400', 86_400],
  ])('%j is %d seconds', (text, seconds) => {
    expect(parseDurationCell(text)).toEqual({ ok: true, seconds })
  })
  it.each(['-5', '-0:30', '−4:05', '- 12'])('%j is refused as negative', (text) => {
    expect(parseDurationCell(text)).toEqual({ ok: false, negative: true })
  })
  it.each(['4:5', '4:60', '1:60:00', '2,5', 'долго', '86401', '-abc', ''])('%j is refused as unreadable', (text) => {
    expect(parseDurationCell(text)).toEqual({ ok: false, negative: false })
  })
})
