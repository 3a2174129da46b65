import { describe, expect, it } from 'vitest'
import { CLEARANCE } from './clearance.ts'
import { parseClientQuery } from './parse-client-query.ts'

const ALL = CLEARANCE.head

describe('parseClientQuery', () => {
  it.each([
    ['8 (912) 345-67-89', { bankId: '8 (912) 345-67-89', phone: '79123456789' }],
    ['+7 912 3456789', { bankId: '+7 912 3456789', phone: '79123456789' }],
    ['  C-000123 ', { bankId: 'C-000123', namePrefix: 'c-000123' }],
    ['100234', { bankId: '100234' }],
    ['Иванов  Иван', { bankId: 'Иванов  Иван', namePrefix: 'иванов иван' }],
    ['ПЁТР', { bankId: 'ПЁТР', namePrefix: 'пётр' }],
  ])('%s', (text, expected) => {
    expect(parseClientQuery(text, ALL)).toEqual(expected)
  })

  // A reverse phone lookup by a role that sees phones masked would tell whose number it is.
  it.each(['marketer', 'analyst', 'branch', 'admin', 'auditor'] as const)('never reads a phone for the %s, who is not cleared for phones', (role) => {
    expect(parseClientQuery('8 (912) 345-67-89', CLEARANCE[role])).toEqual({ bankId: '8 (912) 345-67-89' })
  })

  it('reads a phone for the operator, who dials clients', () => {
    expect(parseClientQuery('89123456789', CLEARANCE.operator).phone).toBe('79123456789')
  })
})
