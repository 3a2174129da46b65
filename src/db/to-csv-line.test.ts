import { describe, expect, it } from 'vitest'
import { toCsvLine } from './to-csv-line.ts'

describe('toCsvLine', () => {
  it.each([
    [['a', 'b'], 'a,b\n'],
    [[null, undefined, ''], ',,""\n'],
    [[true, false], 't,f\n'],
    [[1234.5, 0, -3], '1234.5,0,-3\n'],
    [['г. Казань, ул. Баумана'], '"г. Казань, ул. Баумана"\n'],
    [['Вклад «Доходный»', 'он сказал "да"'], 'Вклад «Доходный»,"он сказал ""да"""\n'],
    [['line\nbreak', 'cr\rhere'], '"line\nbreak","cr\rhere"\n'],
    [['\\.'], '"\\."\n'],
  ] as const)('%j → %j', (values, expected) => {
    expect(toCsvLine(values)).toBe(expected)
  })

  it('refuses numbers CSV cannot hold', () => {
    expect(() => toCsvLine([Number.NaN])).toThrow()
    expect(() => toCsvLine([Number.POSITIVE_INFINITY])).toThrow()
  })
})
