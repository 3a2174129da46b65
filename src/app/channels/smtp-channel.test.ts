import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts'
import type { OutgoingMessage } from './contact-channel.ts'
import { createSmtpChannel } from './smtp-channel.ts'

// The e-mail channel against a real SMTP server (smtp-server): messages on a few shared sessions,
// a relay that cannot be reached reported as not sent, and a session lost mid-message replaced.
let sink: SmtpSink

beforeAll(async () => {
  sink = await startSmtpSink()
})
afterAll(() => sink.close())

const message = (n: number): OutgoingMessage => ({
  contactId: n,
  clientId: n,
  address: `client${n}@pool.example`,
  reference: `<otklik.1.${n}.${n}@bank.example>`,
  subject: `Вклад ${n}`,
  text: 'Уважаемая Мария Петровна!',
  html: '<p>Уважаемая Мария Петровна!</p>',
  unsubscribeUrl: `https://bank.example/unsubscribe/${n}`,
})

describe('the SMTP channel', () => {
  it('sends many messages at once over its few sessions, each one once, with our Message-ID', async () => {
    const email = createSmtpChannel({ url: sink.url, from: 'Банк <news@bank.example>', ratePerSecond: 1000, connections: 2 })
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => email.send(message(i + 1))))
    await email.close()
    expect(answers.map((a) => a.outcome)).toEqual(Array(30).fill('accepted'))
    const counts = sink.countByRecipient()
    for (let n = 1; n <= 30; n++) expect(counts.get(`client${n}@pool.example`)).toBe(1)
    const first = sink.messages.find((m) => m.to[0] === 'client1@pool.example')!
    expect(first.messageId).toBe('<otklik.1.1.1@bank.example>')
    expect(first.headers).toMatch(/^List-Unsubscribe: <https:\/\/bank\.example\/unsubscribe\/1>/m)
  })

  it('reports a relay that refuses the connection as a temporary failure: nothing was handed over', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const email = createSmtpChannel({ url: `smtp://127.0.0.1:${port}`, from: 'Банк <news@bank.example>', ratePerSecond: 1000, connections: 2 })
    const answers = await Promise.all([email.send(message(101)), email.send(message(102)), email.send(message(103))])
    await email.close()
    expect(answers.map((a) => a.outcome)).toEqual(['temporary', 'temporary', 'temporary'])
    expect(answers[0]).toMatchObject({ error: expect.stringMatching(/ECONNREFUSED/) })
  })

  it('calls a message whose session dropped before the reply uncertain, and sends the next on a new session', async () => {
    const email = createSmtpChannel({ url: sink.url, from: 'Банк <news@bank.example>', ratePerSecond: 1000, connections: 1 })
    sink.dropNext(1)
    const dropped = await email.send(message(201))
    const next = await email.send(message(202))
    await email.close()
    expect(dropped.outcome).toBe('uncertain')
    expect(next.outcome).toBe('accepted')
    expect(sink.countByRecipient().get('client202@pool.example')).toBe(1)
  })
})
