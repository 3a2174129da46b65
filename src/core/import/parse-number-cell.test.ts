import { describe, expect, it } from 'vitest'
import { parseNumberCell } from './parse-number-cell.ts'

describe('parseNumberCell', () => {
  it.each([
    ['1234.56', '1234.56'],
    ['1234,56', '1234.56'],
    ['1 234,56', '1234.56'],
    ['1\u00a0234\u00a0567,89', '1234567.89'],
    ['1\u202f234,5', '1234.5'],
    ['1,234.56', '1234.56'],
    ['1.234,56', '1234.56'],
    ['1,234,567', '1234567'],
    ['1.234.567', '1234567'],
    ['1,234', '1.234'],
    ['-5', '-5'],
    ['+5', '5'],
    ['-0', '0'],
    ['0,5', '0.5'],
    [',5', '0.5'],
    ['007', '7'],
    ['1 234 ₽', '1234'],
    ['100', '100'],
  ])('%j → %s', (text, expected) => {
    expect(parseNumberCell(text)).toBe(expected)
  })

  it.each(['', 'abc', '1,2,3', '12,34,567', '1.2.3', '1e5', '5 руб', '--5', '1,234.567,8', ',', '.'])('%j is not a number', (text) => {
    expect(parseNumberCell(text)).toBeUndefined()
  })

  it('refuses a number too large for its column', () => {
    expect(parseNumberCell('1000000000000')).toBeUndefined()
    expect(parseNumberCell('999999999999,99')).toBe('999999999999.99')
  })
})
