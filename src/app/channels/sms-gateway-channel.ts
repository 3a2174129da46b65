import type { ContactChannel, ContactKey, ReconcileAnswer, SendAnswer } from './contact-channel.ts'

// SMS through an HTTP gateway (docs/sms-gateway.md; an SMPP adapter can come later). Each message
// carries our reference (the contact's id in its wave), and the gateway keeps one message per
// reference: a second POST with the same reference returns the first message, never a second SMS.
// A POST that timed out is settled by asking the gateway for the reference (GET), as is a message
// left `sending` by a sender that died.

export type SmsGatewayChannelInput = {
  url: string
  token: string
  /** The sender name the SMS shows (the bank's registered alpha name). */
  sender: string
  ratePerSecond: number
  /** How long a POST may go unanswered before the send counts as uncertain. */
  timeoutMs?: number
}

/** `otklik-<wave>-<client>-<contact>`: what delivery reports come back with (readSmsReference). */
export function smsReference(c: ContactKey): string {
  return `otklik-${c.waveId}-${c.clientId}-${c.id}`
}

export function readSmsReference(reference: string): ContactKey | undefined {
  const match = /^otklik-(\d+)-(\d+)-(\d+)$/.exec(reference)
  return match ? { waveId: Number(match[1]), clientId: Number(match[2]), id: Number(match[3]) } : undefined
}

type GatewayMessage = { id?: unknown; status?: unknown }

export function classifyGatewayStatus(status: number, body: string): SendAnswer {
  const error = `gateway ${status}: ${body.slice(0, 300)}`
  if (status === 429 || status >= 500) return { outcome: 'temporary', error }
  return { outcome: 'permanent', error }
}

export function createSmsGatewayChannel(input: SmsGatewayChannelInput): ContactChannel {
  const base = input.url.replace(/\/+$/, '')
  const headers = { authorization: `Bearer ${input.token}`, 'content-type': 'application/json' }
  return {
    channel: 'sms',
    limits: { ratePerSecond: input.ratePerSecond, burst: Math.max(1, Math.ceil(input.ratePerSecond)) },
    reference: (c) => smsReference(c),
    // A POST our timeout cut may reach the gateway later; the reference is also its idempotency key.
    uncertainGraceMs: input.timeoutMs ?? 15_000,
    async send(message): Promise<SendAnswer> {
      let response: Response
      try {
        response = await fetch(`${base}/messages`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ reference: message.reference, to: message.address, sender: input.sender, text: message.text }),
          signal: AbortSignal.timeout(input.timeoutMs ?? 15_000),
        })
      } catch (error) {
        // Refused before it was sent, or no answer after: only the gateway knows which.
        const cause = (error as { cause?: { code?: string } }).cause?.code
        if (cause === 'ECONNREFUSED') return { outcome: 'temporary', error: `gateway: ${cause}` }
        return { outcome: 'uncertain', error: `gateway: ${(error as Error).name}: ${(error as Error).message}`.slice(0, 300) }
      }
      const body = await response.text().catch(() => '')
      if (!response.ok) return classifyGatewayStatus(response.status, body)
      const parsed = parseMessage(body)
      return { outcome: 'accepted', providerMessageId: typeof parsed?.id === 'string' ? parsed.id : null, at: new Date() }
    },
    async reconcile(reference): Promise<ReconcileAnswer> {
      try {
        const response = await fetch(`${base}/messages?reference=${encodeURIComponent(reference)}`, { headers, signal: AbortSignal.timeout(input.timeoutMs ?? 15_000) })
        if (response.status === 404) return { outcome: 'not_accepted' }
        if (!response.ok) return { outcome: 'unknown' }
        const parsed = parseMessage(await response.text())
        return { outcome: 'accepted', providerMessageId: typeof parsed?.id === 'string' ? parsed.id : null }
      } catch {
        return { outcome: 'unknown' }
      }
    },
    async close() {},
  }
}

function parseMessage(body: string): GatewayMessage | undefined {
  try {
    const value: unknown = JSON.parse(body)
    return typeof value === 'object' && value !== null ? (value as GatewayMessage) : undefined
  } catch {
    return undefined
  }
}
