import type { Channel } from '../../contract/channels.ts'

// What the wave sender needs of a channel's provider (SMTP relay, SMS gateway, the print batch).
// A send's answer says what the provider is known to have done: accepted it, refused it for now or
// for good, or — a connection lost after the message was handed over — nobody knows yet, which only
// the provider can settle later (reconcile), never a blind second send.

/** A contact as our references name it: its wave, client and id (the client first, as contacts are keyed). */
export type ContactKey = { waveId: number; clientId: number; id: number }

export type OutgoingMessage = {
  contactId: number
  clientId: number
  /** E-mail address or phone (digits, country code first). */
  address: string
  /** Our id for the message, known before the send: the e-mail's Message-ID, the SMS's reference. */
  reference: string
  subject?: string
  html?: string
  text: string
  unsubscribeUrl?: string
}

export type SendAnswer =
  | { outcome: 'accepted'; providerMessageId: string | null; at: Date }
  | { outcome: 'temporary' | 'permanent' | 'uncertain'; error: string }

/** What the provider says of a message we may or may not have handed over. */
export type ReconcileAnswer = { outcome: 'accepted'; providerMessageId: string | null } | { outcome: 'not_accepted' } | { outcome: 'unknown' }

export type ContactChannel = {
  channel: Channel
  /** Messages a second the provider allows (the token bucket's rate) and at once (its burst). */
  limits: { ratePerSecond: number; burst: number }
  /** Our reference for a contact, fixed before the send so that reconciliation can find it. */
  reference(contact: ContactKey): string
  /**
   * After a send that went unanswered, how long the provider may still be taking the message in
   * (a request cut by our timeout can still be on its way): a "not found" sooner proves nothing.
   */
  uncertainGraceMs?: number
  send(message: OutgoingMessage): Promise<SendAnswer>
  reconcile(reference: string): Promise<ReconcileAnswer>
  close(): Promise<void>
}
