import { describe, expect, it } from 'vitest'
import { parseBooleanCell, parseGrantCell } from './parse-boolean-cell.ts'

describe('parseBooleanCell', () => {
  it.each([['да', 't'], ['Да', 't'], ['1', 't'], ['TRUE', 't'], ['yes', 't'], ['нет', 'f'], ['0', 'f'], ['false', 'f'], ['N', 'f']])(
    '%j → %s',
    (text, expected) => expect(parseBooleanCell(text)).toBe(expected),
  )
  it.each(['maybe', '2', 'согласие'])('%j is refused', (text) => expect(parseBooleanCell(text)).toBeUndefined())
})

describe('parseGrantCell', () => {
  it.each([['согласие', 't'], ['Opt-in', 't'], ['отказ', 'f'], ['opt-out', 'f'], ['да', 't'], ['0', 'f']])('%j → %s', (text, expected) =>
    expect(parseGrantCell(text)).toBe(expected),
  )
  it('refuses other words', () => expect(parseGrantCell('возможно')).toBeUndefined())
})
