import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { readTrackedLinkToken, signTrackedLinkToken } from './tracked-link-token.ts'
import { signUnsubscribeToken } from './unsubscribe-token.ts'

const secret = 'a-bank-secret-of-32-bytes-or-more!!'
const claim = { clientId: 1042, contactId: 77 }

describe('the tracked link token', () => {
  it('is the ids in base 36 and the first 16 bytes of HMAC-SHA-256 over "r.<client>.<contact>" (computed here independently)', () => {
    const mac = createHmac('sha256', secret).update('r.sy.25').digest().subarray(0, 16).toString('base64url')
    expect(signTrackedLinkToken(claim, secret)).toBe(`sy.25.${mac}`)
  })

  it('reads back what it signed', () => {
    expect(readTrackedLinkToken(signTrackedLinkToken(claim, secret), secret)).toEqual(claim)
  })

  it.each([
    ['another client', (t: string) => `sz.${t.split('.').slice(1).join('.')}`],
    ['a leading zero', (t: string) => `0${t}`],
    ['another secret', () => signTrackedLinkToken(claim, 'another-secret')],
    ['a cut signature', (t: string) => t.slice(0, -2)],
    ['no signature', (t: string) => t.split('.').slice(0, 2).join('.')],
    ['an extra part', (t: string) => `${t}.x`],
    ['an unsubscribe token', () => signUnsubscribeToken({ clientId: 1042, channel: 'email', contactId: 77 }, secret)],
    ['garbage', () => '%%%.###.!!'],
  ])('refuses %s', (_, forge) => {
    expect(readTrackedLinkToken(forge(signTrackedLinkToken(claim, secret)), secret)).toBeUndefined()
  })
})
