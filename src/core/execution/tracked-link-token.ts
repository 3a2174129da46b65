import { createHmac, timingSafeEqual } from 'node:crypto'

// The offer's link in a wave's e-mail or SMS, signed (issue 9, item 1): `<public url>/r/<token>`.
// The token names the client and the contact it came with, and an HMAC-SHA-256 over them with the
// bank's link secret (db/stores/link-secret-store.ts), so a click is counted for the client it was
// sent to and nobody can make one for another client by editing a number. The payload starts with
// `r`, so an unsubscribe token (core/execution/unsubscribe-token.ts, same secret) is never read as
// a tracked link, nor the other way round. The signature is cut to 128 bits: the link goes into SMS,
// where every character counts, and 2^-128 is still no chance to forge one.

export type TrackedLinkClaim = { clientId: number; contactId: number }

const SIGNATURE_BYTES = 16

function signature(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest().subarray(0, SIGNATURE_BYTES)
}

export function signTrackedLinkToken(claim: TrackedLinkClaim, secret: string): string {
  const payload = `r.${claim.clientId.toString(36)}.${claim.contactId.toString(36)}`
  return `${claim.clientId.toString(36)}.${claim.contactId.toString(36)}.${signature(payload, secret).toString('base64url')}`
}

/** The claim of a token signed with this secret, or undefined for a forged, cut or garbled one. */
export function readTrackedLinkToken(token: string, secret: string): TrackedLinkClaim | undefined {
  const [client, contact, signed, ...rest] = token.split('.')
  if (!client || !contact || !signed || rest.length > 0) return undefined
  if (!/^[0-9a-z]{1,13}$/.test(client) || !/^[0-9a-z]{1,13}$/.test(contact)) return undefined
  const expected = signature(`r.${client}.${contact}`, secret)
  const given = Buffer.from(signed, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  const clientId = parseInt(client, 36)
  const contactId = parseInt(contact, 36)
  // One number has one spelling: a leading zero would be a second token for the same contact.
  if (clientId.toString(36) !== client || contactId.toString(36) !== contact || clientId <= 0 || contactId <= 0) return undefined
  return { clientId, contactId }
}
