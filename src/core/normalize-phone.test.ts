import { describe, expect, it } from 'vitest'
import { normalizePhone } from './normalize-phone.ts'

describe('normalizePhone', () => {
  it.each([
    ['8 (912) 345-67-89', '79123456789'],
    ['+7 912 3456789', '79123456789'],
    ['+7 (912) 345-67-89', '79123456789'],
    ['89123456789', '79123456789'],
    ['9123456789', '79123456789'],
    ['7-912-345-67-89', '79123456789'],
    ['+49 30 1234567', '49301234567'],
    ['12345', undefined],
    ['Иванов', undefined],
    ['', undefined],
  ])('%s → %s', (text, expected) => {
    expect(normalizePhone(text)).toBe(expected)
  })
})
