import { describe, expect, it } from 'vitest'
import { parseClientQuery } from './parse-client-query.ts'

describe('parseClientQuery', () => {
  it.each([
    ['8 (912) 345-67-89', { bankId: '8 (912) 345-67-89', phone: '79123456789' }],
    ['+7 912 3456789', { bankId: '+7 912 3456789', phone: '79123456789' }],
    ['  C-000123 ', { bankId: 'C-000123', namePrefix: 'c-000123' }],
    ['100234', { bankId: '100234' }],
    ['Иванов  Иван', { bankId: 'Иванов  Иван', namePrefix: 'иванов иван' }],
    ['ПЁТР', { bankId: 'ПЁТР', namePrefix: 'пётр' }],
  ])('%s', (text, expected) => {
    expect(parseClientQuery(text)).toEqual(expected)
  })
})
