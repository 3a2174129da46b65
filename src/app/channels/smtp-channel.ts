import nodemailer from 'nodemailer'
import type { ContactChannel, ReconcileAnswer, SendAnswer } from './contact-channel.ts'

// E-mail through an SMTP relay with nodemailer's connection pool. The Message-ID is ours, fixed when
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
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string }
  const text = `${e.code ?? 'SMTP'}: ${e.response ?? e.message ?? String(error)}`.slice(0, 500)
  if (typeof e.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 500) return { outcome: 'temporary', error: text }
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { outcome: 'permanent', error: text }
  // A refused or dropped connection before any reply: the relay may or may not have the message.
  if (e.code === 'ECONNECTION' && /ECONNREFUSED/.test(e.message ?? '')) return { outcome: 'temporary', error: text }
  return { outcome: 'uncertain', error: text }
}

export function createSmtpChannel(input: SmtpChannelInput): ContactChannel {
  const transport = nodemailer.createTransport({
    url: input.url,
    pool: true,
    maxConnections: input.connections,
    maxMessages: Number.POSITIVE_INFINITY,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0])
  const domain = /@([^>\s]+)>?\s*$/.exec(input.from)?.[1] ?? 'otklik.local'
  return {
    channel: 'email',
    limits: { ratePerSecond: input.ratePerSecond, burst: Math.max(1, input.connections * 2) },
    reference: (c) => `<otklik.${c.waveId}.${c.clientId}.${c.id}@${domain}>`,
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: input.from,
          to: message.address,
          subject: message.subject,
          text: message.text,
          ...(message.html && { html: message.html }),
          messageId: message.reference,
          ...(message.unsubscribeUrl && {
            list: { unsubscribe: { url: message.unsubscribeUrl, comment: 'Unsubscribe' } },
            headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
          }),
        })
        return { outcome: 'accepted', providerMessageId: info.messageId ?? message.reference, at: new Date() }
      } catch (error) {
        return classifySmtpError(error)
      }
    },
    async reconcile(reference) {
      if (!input.trackingUrl) return { outcome: 'unknown' }
      return askTracking(input.trackingUrl, reference)
    },
    async close() {
      transport.close()
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
