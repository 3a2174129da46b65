import type { ContactChannel } from '../channels/contact-channel.ts'
import { emailBytes, emailReference } from '../channels/smtp-channel.ts'

export type DemoMailbox = ContactChannel & { readonly received: { messages: number; bytes: number } }

/**
 * The demo's mail relay: the demo bank loads with no SMTP server to send to, so its e-mail pilot
 * goes through the engine to this channel instead. Each message is built to the very bytes an SMTP
 * relay would get (smtp-channel.ts: the same Message-ID, headers, parts and unsubscribe link) and
 * accepted at once, the relay taking 500 a second on the demo's clock; nothing leaves the process
 * and nothing is kept but the count. The contacts it leaves are the ones a real relay's would.
 */
export function createDemoMailbox(input: { from: string; now: () => Date }): DemoMailbox {
  const received = { messages: 0, bytes: 0 }
  return {
    channel: 'email',
    limits: { ratePerSecond: 1_000_000, burst: 1_000_000 },
    reference: emailReference(input.from),
    received,
    async send(message) {
      const at = new Date(input.now().getTime() + 2 * received.messages)
      received.bytes += emailBytes({ from: input.from, message, date: at }).length
      received.messages += 1
      return { outcome: 'accepted', providerMessageId: message.reference, at }
    },
    // Every message it was handed it accepted: a stopped send's message in flight was accepted too.
    reconcile: async (reference) => ({ outcome: 'accepted', providerMessageId: reference }),
    close: async () => undefined,
  }
}
