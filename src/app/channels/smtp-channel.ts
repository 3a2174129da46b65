import { buildEmailMessage } from './build-email-message.ts'
import type { ContactChannel, ContactKey, OutgoingMessage, ReconcileAnswer, SendAnswer } from './contact-channel.ts'
import { createSmtpPool } from './smtp-connection-pool.ts'

// E-mail through an SMTP relay: each message built into one buffer (build-email-message.ts) and
// handed to a few long-lived sessions (smtp-connection-pool.ts). The Message-ID is ours, fixed when
// the contact is claimed, so a message handed over just before a crash can be found again: the
// relay's message tracking (SMTP_TRACKING_URL, as relays and e-mail providers expose their logs:
// GET ?message_id=… → 200 when accepted, 404 when not) settles it. Without tracking such a message
// stays `unknown` for a person to decide: SMTP itself cannot be asked.

export type SmtpChannelInput = {
  url: string
  /** The From header, e.g. `Банк <news@bank.example>`; its domain ends our Message-IDs. */
  from: string
  trackingUrl?: string
  ratePerSecond: number
  connections: number
}

/** An SMTP reply code decides: 4xx is for now (greylisting, throttling), 5xx for good. */
export function classifySmtpError(error: unknown): SendAnswer {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string; notSent?: boolean }
  const text = `${e.code ?? 'SMTP'}: ${e.response ?? e.message ?? String(error)}`.slice(0, 500)
  // No session to the relay could be opened (refused, timed out, TLS or login failed): nothing was handed over.
  if (e.notSent) return { outcome: 'temporary', error: text }
  if (typeof e.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 500) return { outcome: 'temporary', error: text }
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { outcome: 'permanent', error: text }
  // A refused or dropped connection before any reply: the relay may or may not have the message.
  if (e.code === 'ECONNECTION' && /ECONNREFUSED/.test(e.message ?? '')) return { outcome: 'temporary', error: text }
  return { outcome: 'uncertain', error: text }
}

/** Our Message-ID for a contact: its wave, client and id at the From domain. */
export function emailReference(from: string): (c: ContactKey) => string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'otklik.local'
  return (c) => `<otklik.${c.waveId}.${c.clientId}.${c.id}@${domain}>`
}

/** The bytes of a contact's e-mail as the relay gets them (build-email-message.ts). */
export function emailBytes(input: { from: string; message: OutgoingMessage; date: Date }): Buffer {
  const { message } = input
  return buildEmailMessage({
    from: input.from,
    to: message.address,
    subject: message.subject ?? '',
    messageId: message.reference,
    text: message.text,
    ...(message.html && { html: message.html }),
    ...(message.unsubscribeUrl && { unsubscribeUrl: message.unsubscribeUrl }),
    date: input.date,
  })
}

export function createSmtpChannel(input: SmtpChannelInput): ContactChannel {
  const pool = createSmtpPool({ url: input.url, connections: input.connections, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
  const fromAddress = /<([^>]+)>\s*$/.exec(input.from)?.[1] ?? input.from.trim()
  return {
    channel: 'email',
    limits: { ratePerSecond: input.ratePerSecond, burst: Math.max(1, input.connections * 2) },
    reference: emailReference(input.from),
    async send(message) {
      try {
        const raw = emailBytes({ from: input.from, message, date: new Date() })
        await pool.send({ from: fromAddress, to: [message.address] }, raw)
        return { outcome: 'accepted', providerMessageId: message.reference, at: new Date() }
      } catch (error) {
        return classifySmtpError(error)
      }
    },
    async reconcile(reference) {
      if (!input.trackingUrl) return { outcome: 'unknown' }
      return askTracking(input.trackingUrl, reference)
    },
    async close() {
      pool.close()
    },
  }
}

async function askTracking(trackingUrl: string, reference: string): Promise<ReconcileAnswer> {
  const url = new URL(trackingUrl)
  url.searchParams.set('message_id', reference)
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
    if (response.status === 404) return { outcome: 'not_accepted' }
    if (response.ok) return { outcome: 'accepted', providerMessageId: reference }
    return { outcome: 'unknown' }
  } catch {
    return { outcome: 'unknown' }
  }
}
