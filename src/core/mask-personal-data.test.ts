import { describe, expect, it } from 'vitest'
import { maskPersonalData } from './mask-personal-data.ts'

const client = { phone: '79123456789', email: 'ivanov@mail.ru', birthDate: '1980-05-17', address: 'Москва, ул. Тверская, 1' }

describe('maskPersonalData', () => {
  it.each([
    ['head', client],
    ['operator', { ...client, email: 'i***@***', address: '***' }],
    ['branch', { ...client, phone: '7******89', email: 'i***@***', address: '***' }],
    ['auditor', { phone: '7******89', email: 'i***@***', birthDate: '****-**-**', address: '***' }],
  ] as const)('%s sees what its clearance allows', (role, expected) => {
    expect(maskPersonalData(role, client)).toEqual(expected)
  })

  it('leaves missing values missing', () => {
    expect(maskPersonalData('auditor', { phone: null })).toEqual({ phone: null })
  })
})
