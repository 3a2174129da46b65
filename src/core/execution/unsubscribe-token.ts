import { createHmac, timingSafeEqual } from 'node:crypto'
import { CHANNELS, type Channel } from '../../contract/channels.ts'

// The signed unsubscribe link every e-mail carries (issue 8, item 4; 38-FZ art. 18: advertising must
// stop when the subscriber asks). The token names the client, the channel and the contact it came
// with, and an HMAC-SHA-256 over them with the bank's secret: nobody can unsubscribe another client
// by editing a number, and the link needs no login. It does not expire — an opt-out must work from
// a letter read a year later.

export type UnsubscribeClaim = { clientId: number; channel: Channel; contactId: number }

function signature(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest()
}

export function signUnsubscribeToken(claim: UnsubscribeClaim, secret: string): string {
  const payload = `${claim.clientId}.${claim.channel}.${claim.contactId}`
  return `${Buffer.from(payload).toString('base64url')}.${signature(payload, secret).toString('base64url')}`
}

/** The claim of a token signed with this secret, or undefined for a forged, cut or garbled one. */
export function readUnsubscribeToken(token: string, secret: string): UnsubscribeClaim | undefined {
  const [encoded, signed, ...rest] = token.split('.')
  if (!encoded || !signed || rest.length > 0) return undefined
  const payload = Buffer.from(encoded, 'base64url').toString()
  const expected = signature(payload, secret)
  const given = Buffer.from(signed, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  const [clientId, channel, contactId] = payload.split('.')
  if (!/^\d+$/.test(clientId ?? '') || !/^\d+$/.test(contactId ?? '') || !CHANNELS.includes(channel as Channel)) return undefined
  return { clientId: Number(clientId), channel: channel as Channel, contactId: Number(contactId) }
}
