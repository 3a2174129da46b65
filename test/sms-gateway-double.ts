import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

// A real HTTP server standing in for the bank's SMS gateway (the protocol of docs/sms-gateway.md):
// POST /messages takes { reference, to, sender, text } with the bearer token and keeps one message
// per reference; GET /messages?reference= answers what it has. Faults on demand: the next n POSTs
// answer 500, hang (no answer at all), or arrive late (taken in only after a delay, as a request
// still in the network when the sender's timeout cut it). It can send Otklik the delivery reports and a reply.

export type GatewayMessage = { id: string; reference: string; to: string; text: string; sender: string }

export type SmsGatewayDouble = {
  url: string
  token: string
  messages: GatewayMessage[]
  /** POSTs received per reference (a second POST of one reference is a resend we must never make). */
  posts: Map<string, number>
  failNext(n: number): void
  hangNext(n: number): void
  /** The next n POSTs are taken in (counted, stored, answered) only after ms milliseconds. */
  delayNext(n: number, ms: number): void
  close(): Promise<void>
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startSmsGatewayDouble(token = 'gateway-token'): Promise<SmsGatewayDouble> {
  const messages: GatewayMessage[] = []
  const byReference = new Map<string, GatewayMessage>()
  const posts = new Map<string, number>()
  let fail = 0
  let hang = 0
  let late = { n: 0, ms: 0 }
  const server = createServer(async (request, response) => {
    const answer = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(value))
    }
    if (request.headers.authorization !== `Bearer ${token}`) return answer(401, { error: 'bad token' })
    const url = new URL(request.url ?? '/', 'http://gateway')
    if (request.method === 'GET' && url.pathname === '/messages') {
      const found = byReference.get(url.searchParams.get('reference') ?? '')
      return found ? answer(200, { id: found.id, status: 'accepted' }) : answer(404, { error: 'no such message' })
    }
    if (request.method !== 'POST' || url.pathname !== '/messages') return answer(404, { error: 'no route' })
    const message = JSON.parse(await body(request)) as Omit<GatewayMessage, 'id'>
    if (late.n > 0) {
      late = { ...late, n: late.n - 1 }
      await new Promise((resolve) => setTimeout(resolve, late.ms))
    }
    posts.set(message.reference, (posts.get(message.reference) ?? 0) + 1)
    if (hang > 0) {
      hang -= 1
      return // no answer: the client's timeout decides
    }
    if (fail > 0) {
      fail -= 1
      return answer(500, { error: 'temporarily unavailable' })
    }
    const known = byReference.get(message.reference)
    if (known) return answer(200, { id: known.id, status: 'accepted' })
    const stored = { ...message, id: `gw-${messages.length + 1}` }
    messages.push(stored)
    byReference.set(message.reference, stored)
    return answer(202, { id: stored.id, status: 'accepted' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    messages,
    posts,
    failNext(n) {
      fail = n
    },
    hangNext(n) {
      hang = n
    },
    delayNext(n, ms) {
      late = { n, ms }
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
