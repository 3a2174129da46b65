import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { seedSendWave } from '../../../test/seed-send-wave.ts'
import { startSmsGatewayDouble, type SmsGatewayDouble } from '../../../test/sms-gateway-double.ts'
import { createSmsGatewayChannel } from '../channels/sms-gateway-channel.ts'
import { sendWave } from './send-wave.ts'

// An SMS wave through a real HTTP server as the gateway (test/sms-gateway-double.ts): quiet hours in
// the client's own time zone, a gateway that answers 500 or does not answer, never a second POST of
// one message.
let db: Database
let gateway: SmsGatewayDouble

beforeAll(async () => {
  db = await openTestDatabase()
  gateway = await startSmsGatewayDouble()
})
afterAll(async () => {
  await gateway.close()
  await db.close()
})

// Long enough that a loaded machine (CI, other work) answers a normal POST within it: too short and
// every POST times out, which the hang and late cases below test on purpose.
const TIMEOUT_MS = 2000

function send(waveId: number, at: string) {
  const sms = createSmsGatewayChannel({ url: gateway.url, token: gateway.token, sender: 'BANK', ratePerSecond: 10_000, timeoutMs: TIMEOUT_MS })
  return sendWave(db, { waveId, channels: { sms }, publicUrl: 'https://bank.example', actor: { id: null, login: 'test' }, owner: {}, now: () => new Date(at), retry: { maxAttempts: 3, firstDelayMs: 0, maxDelayMs: 0 } })
}

async function regionsReached(waveId: number): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('contacts as t').innerJoin('clients as c', 'c.id', 't.client_id')
    .select('c.region_code').distinct().where('t.wave_id', '=', waveId).where('t.status', '=', 'sent').orderBy('c.region_code').execute()
  return rows.map((r) => r.region_code!)
}

describe('sending an SMS wave', () => {
  it('reaches a client only within the bank\'s hours where the client lives, and the rest when their window opens', async () => {
    const wave = await seedSendWave(db, { code: 'SMS', members: 100, channel: 'sms' })
    // Thursday 17:30 UTC: 19:30 in Kaliningrad (+2), 20:30 in Moscow (+3) — open until 21:00;
    // 22:30 in Yekaterinburg (+5), 00:30 in Novosibirsk (+7), 03:30 in Vladivostok (+10) — closed.
    const evening = await send(wave.waveId, '2026-12-03T17:30:00Z')
    // Of the 90 target members, 10 live in Kaliningrad and 20 in Moscow (every control member is in Kaliningrad).
    expect(evening).toMatchObject({ status: 'waiting', queued: 90, sent: 30, waiting: 60 })
    expect(await regionsReached(wave.waveId)).toEqual(['39', '77'])
    // Vladivostok opens first: 09:00 there is 23:00 UTC.
    expect(evening.next_attempt_at).toBe('2026-12-03T23:00:00.000Z')
    // Friday 07:00 UTC: 09:00 Kaliningrad … 17:00 Vladivostok — every window open.
    expect(await send(wave.waveId, '2026-12-04T07:00:00Z')).toMatchObject({ status: 'finished', sent: 90, waiting: 0 })
    expect([...gateway.posts.values()].every((n) => n === 1)).toBe(true)
    expect(gateway.messages[0]!.text).toMatch(/^Мария, вклад 18,5\s?% на 6 мес\. Банк$/)
  })

  it('retries a gateway 500, and settles a POST left unanswered by asking the gateway, without a second SMS', async () => {
    const wave = await seedSendWave(db, { code: 'SMSFAIL', members: 30, channel: 'sms' })
    const before = gateway.messages.length
    gateway.failNext(3)
    gateway.hangNext(2)
    expect(await send(wave.waveId, '2026-12-04T07:00:00Z')).toMatchObject({ status: 'finished', queued: 27, sent: 27, failed: 0, unknown: 0 })
    expect(gateway.messages.length - before).toBe(27)
    const references = gateway.messages.slice(before).map((m) => m.reference)
    expect(new Set(references).size).toBe(27)
  })

  it('does not send again a POST its timeout cut that the gateway takes in late: it asks again after the grace', async () => {
    const wave = await seedSendWave(db, { code: 'SMSLATE', members: 10, channel: 'sms' })
    const before = gateway.messages.length
    // Taken in after 1.5 × the sender's timeout: past it, within its grace of one timeout more.
    gateway.delayNext(2, TIMEOUT_MS * 1.5)
    expect(await send(wave.waveId, '2026-12-04T07:00:00Z')).toMatchObject({ status: 'finished', sent: 9, failed: 0, unknown: 0 })
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 1.5)) // every late POST has landed
    const references = gateway.messages.slice(before).map((m) => m.reference)
    expect(references.map((reference) => gateway.posts.get(reference))).toEqual(references.map(() => 1))
  })
})
