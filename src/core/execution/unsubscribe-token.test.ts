import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readUnsubscribeToken, signUnsubscribeToken } from './unsubscribe-token.ts'

const secret = 'a-bank-secret-of-32-bytes-or-more!!'
const claim = { clientId: 1042, channel: 'email' as const, contactId: 77 }

describe('the unsubscribe token', () => {
  it('is the payload and its HMAC-SHA-256, both base64url (computed here independently)', () => {
    const payload = '1042.email.77'
    const mac = createHmac('sha256', secret).update(payload).digest('base64url')
    expect(signUnsubscribeToken(claim, secret)).toBe(`${Buffer.from(payload).toString('base64url')}.${mac}`)
  })

  it('reads back what it signed', () => {
    expect(readUnsubscribeToken(signUnsubscribeToken(claim, secret), secret)).toEqual(claim)
  })

  it.each([
    ['another client', (t: string) => `${Buffer.from('1043.email.77').toString('base64url')}.${t.split('.')[1]}`],
    ['another secret', () => signUnsubscribeToken(claim, 'another-secret')],
    ['a cut signature', (t: string) => t.slice(0, -2)],
    ['no signature', (t: string) => t.split('.')[0]!],
    ['an extra part', (t: string) => `${t}.x`],
    ['garbage', () => '%%%.###'],
  ])('refuses %s', (_, forge) => {
    expect(readUnsubscribeToken(forge(signUnsubscribeToken(claim, secret)), secret)).toBeUndefined()
  })
})
