import { describe, expect, it } from 'vitest'
import { maskContactAddress } from './mask-contact-address.ts'

describe('maskContactAddress', () => {
  it.each([
    // Cleared roles (core/clearance.ts) read the address as it was written to.
    ['program_economist', 'email', 'ivanova@mail.example', 'ivanova@mail.example'],
    ['head', 'sms', '79123456789', '79123456789'],
    // The analyst sees no contacts; the operator dials phones but sends no e-mail or letters.
    ['analyst', 'email', 'ivanova@mail.example', 'i***@***'],
    ['analyst', 'sms', '79123456789', '7******89'],
    ['operator', 'call', '79123456789', '79123456789'],
    ['operator', 'email', 'ivanova@mail.example', 'i***@***'],
    ['marketer', 'letter', 'г. Москва, ул. Тверская, д. 1', '***'],
    ['marketer', 'sms', null, null],
  ] as const)('%s reads a %s contact to %s as %s', (role, channel, address, shown) => {
    expect(maskContactAddress(role, channel, address)).toBe(shown)
  })
})
