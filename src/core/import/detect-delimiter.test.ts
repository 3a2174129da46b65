import { describe, expect, it } from 'vitest'
import { detectDelimiter } from './detect-delimiter.ts'

describe('detectDelimiter', () => {
  it.each([
    ['ИД клиента;ФИО;Доход', ';'],
    ['bank_id,full_name,income', ','],
    ['a\tb\tc', '\t'],
    ['a|b|c', '|'],
    ['"Фамилия, имя";Доход', ';'],
    ['"a;b",c,d', ','],
    ['bank_id', ','],
    ['a;b,c', ';'],
  ])('%j → %j', (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected)
  })
})
