import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { seedSendWave } from '../../../test/seed-send-wave.ts'
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts'
import { createSmtpChannel } from '../channels/smtp-channel.ts'
import { rebuildWave } from './rebuild-wave.ts'
import { sendWave, type SendWaveInput } from './send-wave.ts'

// Sending an e-mail wave through a real SMTP server (smtp-server) on PGlite and PostgreSQL: each
// target member exactly once, control and opted-out members never, temporary refusals retried,
// a dropped connection settled by the relay's tracking, never by a blind second send.
let db: Database
let sink: SmtpSink

beforeAll(async () => {
  db = await openTestDatabase()
  sink = await startSmtpSink()
})
afterAll(async () => {
  await sink.close()
  await db.close()
})

const actor = { id: null, login: 'test' }
const fast = { maxAttempts: 3, firstDelayMs: 0, maxDelayMs: 0 }

function send(waveId: number, options: { tracking?: boolean } & Partial<SendWaveInput> = {}) {
  const email = createSmtpChannel({ url: sink.url, from: 'Банк <news@bank.example>', trackingUrl: options.tracking === false ? undefined : sink.trackingUrl, ratePerSecond: 10_000, connections: 2 })
  return sendWave(db, { waveId, channels: { email }, publicUrl: 'https://bank.example', actor, owner: { test: true }, retry: fast, ...options }).finally(() => email.close())
}

async function emailsOf(ids: readonly number[]): Promise<string[]> {
  const rows = await db.kysely.selectFrom('clients').select('email').where('id', 'in', ids).execute()
  return rows.map((r) => r.email!)
}

describe('sending an e-mail wave', () => {
  it('reaches every target member once and never the control group, an opted-out client or one without an address', async () => {
    const wave = await seedSendWave(db, { code: 'MAIL', members: 200, channel: 'email' })
    const [optedOut, noAddress] = wave.clientIds.target
    // Withdrawn after the wave was built: the check just before the send must see it.
    await sql`INSERT INTO consents (client_id, channel, granted, effective_at, source) VALUES (${optedOut}, 'email', false, now() - interval '1 hour', 'call_centre')`.execute(db.kysely)
    await db.kysely.updateTable('clients').set({ email: null }).where('id', '=', noAddress!).execute()

    const result = await send(wave.waveId)
    expect(result).toMatchObject({ status: 'finished', queued: 180, sent: 178, failed: 0, skipped_by_policy: 2, unknown: 0, waiting: 0, skipped: { consent: 1, no_address: 1 } })
    const counts = sink.countByRecipient()
    const reached = await emailsOf(wave.clientIds.target.filter((id) => id !== optedOut && id !== noAddress))
    expect(reached.every((address) => counts.get(address) === 1)).toBe(true)
    for (const address of await emailsOf([...wave.clientIds.control, optedOut!])) expect(counts.has(address)).toBe(false)

    await expect(rebuildWave(db.kysely, { waveId: wave.waveId, actor })).rejects.toMatchObject({ details: { code: 'wave.already_sending' } })
    const again = await send(wave.waveId)
    expect(again).toMatchObject({ status: 'finished', sent: 178 })
    expect(sink.messages.length).toBe(178)
  })

  it('renders the offer in Russian with our Message-ID and a signed unsubscribe link', async () => {
    const message = sink.messages.find((m) => m.to[0]?.endsWith('@mail.example'))!
    expect(message.messageId).toMatch(/^<otklik\.\d+\.\d+\.\d+@bank\.example>$/)
    expect(message.headers).toMatch(/^List-Unsubscribe: <https:\/\/bank\.example\/unsubscribe\/[\w-]+\.[\w-]+>/m)
    expect(message.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
    const row = await db.kysely.selectFrom('contacts').select(['status', 'provider_message_id', 'address', 'sent_at']).where('provider_message_id', '=', message.messageId).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'sent', address: message.to[0] })
    expect(row.sent_at).not.toBeNull()
  })

  it('retries a temporary refusal (451) and sends it once', async () => {
    const wave = await seedSendWave(db, { code: 'RETRY', members: 40, channel: 'email' })
    const before = sink.messages.length
    sink.refuseNext(5)
    const result = await send(wave.waveId)
    expect(result).toMatchObject({ status: 'finished', queued: 36, sent: 36, failed: 0 })
    expect(sink.messages.length - before).toBe(36)
  })

  it('settles a connection dropped after the message by the relay\'s tracking, and without tracking leaves it unknown, not sent twice', async () => {
    const tracked = await seedSendWave(db, { code: 'DROP', members: 20, channel: 'email' })
    sink.dropNext(2)
    expect(await send(tracked.waveId)).toMatchObject({ status: 'finished', sent: 18, unknown: 0 })

    const untracked = await seedSendWave(db, { code: 'BLIND', members: 20, channel: 'email' })
    sink.dropNext(2)
    const blind = await send(untracked.waveId, { tracking: false })
    expect(blind).toMatchObject({ status: 'waiting', sent: 16, unknown: 2 })
    expect(await send(untracked.waveId, { tracking: false })).toMatchObject({ sent: 16, unknown: 2 })
  })

  it('sends a wave once when two senders start it at the same moment: the second is refused, nothing goes twice', async () => {
    const wave = await seedSendWave(db, { code: 'TWICE', members: 300, channel: 'email' })
    const before = sink.messages.length
    const [first, second] = await Promise.allSettled([send(wave.waveId), send(wave.waveId)])
    const refused = [first, second].filter((r) => r.status === 'rejected')
    expect(refused).toHaveLength(1)
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict', details: { code: 'wave.sending_elsewhere' } })
    expect(await send(wave.waveId)).toMatchObject({ status: 'finished', sent: 270 })
    expect(sink.messages.length - before).toBe(270)
  })

  it('refuses a wave whose program is not in pilot, whose offer is not approved, or whose channel is not set up', async () => {
    const draft = await seedSendWave(db, { code: 'DRAFT', members: 10, channel: 'email', programStatus: 'approved' })
    await expect(send(draft.waveId)).rejects.toMatchObject({ code: 'conflict', details: { code: 'wave.program_not_running', status: 'approved', needed: 'pilot' } })
    const unapproved = await seedSendWave(db, { code: 'UNAPPR', members: 10, channel: 'email', offerApproved: false })
    await expect(send(unapproved.waveId)).rejects.toMatchObject({ details: { code: 'wave.offer_not_approved', offer: 'UNAPPR-OFFER', version: 1 } })
    await expect(sendWave(db, { waveId: unapproved.waveId, channels: {}, publicUrl: 'x', actor, owner: {} })).rejects.toMatchObject({ details: { code: 'wave.channel_not_configured', setting: 'SMTP_URL' } })
    const contacts = await db.kysely.selectFrom('contacts').select('id').where('wave_id', 'in', [draft.waveId, unapproved.waveId]).execute()
    expect(contacts).toEqual([])
  })
})
