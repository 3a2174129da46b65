import { describe, expect, it } from 'vitest'
import { CLEARANCE } from './clearance.ts'
import { parseClientQuery } from './parse-client-query.ts'

const ALL = CLEARANCE.head

describe('parseClientQuery', () => {
  it.each([
    ['8 (912) 345-67-89', { bankIdKey: '8 (912) 345-67-89', phone: '79123456789' }],
    ['+7 912 3456789', { bankIdKey: '+7 912 3456789', phone: '79123456789' }],
    ['645-13-52', { bankIdKey: '645-13-52', phoneEnd: '6451352' }],
    ['1234', { bankIdKey: '1234' }],
    ['  c-000123 ', { bankIdKey: 'C-123', nameWords: ['c', '000123'] }],
    ['100234', { bankIdKey: '100234', phoneEnd: '100234' }],
    ['Иванов  Иван', { bankIdKey: 'ИВАНОВ  ИВАН', nameWords: ['иванов', 'иван'] }],
    ['Семёнова Ю.', { bankIdKey: 'СЕМЁНОВА Ю.', nameWords: ['семенова', 'ю'] }],
    ['Абрамов А.В.', { bankIdKey: 'АБРАМОВ А.В.', nameWords: ['абрамов', 'а', 'в'] }],
    ['Ivanov@Mail.ru', { bankIdKey: 'IVANOV@MAIL.RU', email: 'ivanov@mail.ru', nameWords: ['ivanov@mail', 'ru'] }],
  ])('%s', (text, expected) => {
    expect(parseClientQuery(text, ALL)).toEqual(expected)
  })

  // A reverse phone lookup by a role that sees phones masked would tell whose number it is.
  it.each(['marketer', 'analyst', 'branch', 'admin', 'auditor'] as const)('never reads a phone or an e-mail for the %s, who is not cleared for them', (role) => {
    expect(parseClientQuery('8 (912) 345-67-89', CLEARANCE[role])).toEqual({ bankIdKey: '8 (912) 345-67-89' })
    expect(parseClientQuery('645-13-52', CLEARANCE[role])).toEqual({ bankIdKey: '645-13-52' })
    expect(parseClientQuery('x@y.ru', CLEARANCE[role]).email).toBeUndefined()
  })

  it('reads a phone but not an e-mail for the operator, who dials clients', () => {
    expect(parseClientQuery('89123456789', CLEARANCE.operator).phone).toBe('79123456789')
    expect(parseClientQuery('x@y.ru', CLEARANCE.operator).email).toBeUndefined()
  })

  it('keeps at most five words of a name', () => {
    expect(parseClientQuery('а б в г д е ж', ALL).nameWords).toEqual(['а', 'б', 'в', 'г', 'д'])
  })
})
