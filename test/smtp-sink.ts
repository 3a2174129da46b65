import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

// A real SMTP server (the smtp-server package) that keeps what it accepted, plus the message
// tracking a relay offers (an HTTP GET by Message-ID, the way relays and e-mail providers expose
// their logs; see src/app/channels/smtp-channel.ts). Faults on demand: refuse the next messages
// with a temporary 451, or drop the connection in the middle of a message.

export type SunkMessage = { messageId: string; to: string[]; subject: string; raw: string; /** The header lines, unfolded. */ headers: string }

export type SmtpSink = {
  url: string
  trackingUrl: string
  messages: SunkMessage[]
  /** Messages accepted per recipient address. */
  countByRecipient(): Map<string, number>
  /** The next n messages get 451 (a temporary failure). */
  refuseNext(n: number): void
  /** The next n messages lose their connection before the reply. */
  dropNext(n: number): void
  close(): Promise<void>
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMessage[] = []
  const accepted = new Set<string>()
  let refuse = 0
  let drop = 0
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (drop > 0) {
          drop -= 1
          // smtp-server offers no way to drop a client: find its connection and destroy the socket.
          const connections = (smtp as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }).connections
          for (const connection of connections) if (connection.id === session.id) connection._socket.destroy()
          return
        }
        if (refuse > 0) {
          refuse -= 1
          const error = Object.assign(new Error('4.7.1 Try again later'), { responseCode: 451 })
          callback(error)
          return
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? ''
        const unfolded = head.replace(/\r?\n[ \t]+/g, ' ')
        const messageId = /^message-id:\s*(.+)$/im.exec(unfolded)?.[1]?.trim() ?? ''
        const subject = /^subject:\s*(.+)$/im.exec(unfolded)?.[1]?.trim() ?? ''
        messages.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address), subject, raw, headers: unfolded })
        accepted.add(messageId)
        callback(null)
      })
    },
  })
  // A client that dies mid-session (the SIGKILL test) resets its connection: a server logs that and goes on.
  smtp.on('error', () => undefined)
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()))
  const smtpPort = (smtp.server.address() as AddressInfo).port
  const tracking: Server = createServer((request, response) => {
    const id = new URL(request.url ?? '/', 'http://x').searchParams.get('message_id') ?? ''
    response.writeHead(accepted.has(id) ? 200 : 404, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ accepted: accepted.has(id) }))
  })
  await new Promise<void>((resolve) => tracking.listen(0, '127.0.0.1', () => resolve()))
  const trackingPort = (tracking.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${smtpPort}`,
    trackingUrl: `http://127.0.0.1:${trackingPort}/messages`,
    messages,
    countByRecipient() {
      const counts = new Map<string, number>()
      for (const m of messages) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1)
      return counts
    },
    refuseNext(n) {
      refuse = n
    },
    dropNext(n) {
      drop = n
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()))
      await new Promise<void>((resolve) => tracking.close(() => resolve()))
    },
  }
}
