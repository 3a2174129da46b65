import { describe, expect, it } from 'vitest'
import { parseCountCell } from './parse-count-cell.ts'

describe('parseCountCell', () => {
  it.each([['12', '12'], ['1 200', '1200'], ['5,00', '5'], ['0', '0'], ['2147483647', '2147483647']])('%j → %s', (text, expected) => {
    expect(parseCountCell(text)).toBe(expected)
  })
  it.each(['-1', '1,5', '2147483648', 'много'])('%j is refused', (text) => {
    expect(parseCountCell(text)).toBeUndefined()
  })
})
