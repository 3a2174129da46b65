import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../config.ts'
import type { Database } from '../../db/open-database.ts'
import { createLogger } from '../../logger.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildServerWithJobs, signIn } from '../../../test/build-test-server.ts'
import { seedSendWave, type SeededSendWave } from '../../../test/seed-send-wave.ts'
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts'

// The wave's send through the API as a pg-boss job (real pg-boss on the one shared pool, a real
// SMTP server), its live progress, the client's unsubscribe page and the SMS gateway's callbacks.
let db: Database
let app: App
let sink: SmtpSink
let wave: SeededSendWave
const GATEWAY_TOKEN = 'callback-token'
const OFFER_PAGE = 'https://bank.example/deposits/reliable?from=mail'

beforeAll(async () => {
  db = await openTestDatabase()
  sink = await startSmtpSink()
  const config = readConfig({ SMTP_URL: sink.url, SMTP_TRACKING_URL: sink.trackingUrl, SMTP_RATE: '1000', SMS_GATEWAY_TOKEN: GATEWAY_TOKEN, OTKLIK_PUBLIC_URL: 'https://bank.example' })
  const logger = createLogger('silent')
  app = await buildServerWithJobs({
    db, config: { sessionHours: 12, secureCookies: false }, logger, now: () => new Date(),
    sending: { channels: config.channels, publicUrl: config.publicUrl },
  })
  wave = await seedSendWave(db, { code: 'API', members: 60, channel: 'email' })
  await db.kysely.updateTable('offers').set({ link_url: OFFER_PAGE }).where('id', '=', wave.offerId).execute()
})
afterAll(async () => {
  await app.close()
  await sink.close()
  await db.close()
})

describe('POST /api/waves/:id/send', () => {
  it('is the program economist\'s; other roles are refused', async () => {
    const { cookie } = await signIn(app, db, 'marketer')
    const response = await app.inject({ method: 'POST', url: `/api/waves/${wave.waveId}/send`, headers: { cookie } })
    expect(response.statusCode).toBe(403)
  })

  it('refuses at once, naming the rule, a wave whose offer is not approved', async () => {
    const draft = await seedSendWave(db, { code: 'APIDRAFT', members: 10, channel: 'email', offerApproved: false })
    const { cookie } = await signIn(app, db, 'program_economist')
    const response = await app.inject({ method: 'POST', url: `/api/waves/${draft.waveId}/send`, headers: { cookie } })
    expect(response.statusCode).toBe(400)
    expect(response.json().details).toMatchObject({ code: 'wave.offer_not_approved', offer: 'APIDRAFT-OFFER' })
  })

  it('runs the send as a job whose progress the page reads until the wave is finished', async () => {
    const { cookie } = await signIn(app, db, 'program_economist')
    const response = await app.inject({ method: 'POST', url: `/api/waves/${wave.waveId}/send`, headers: { cookie } })
    expect(response.statusCode).toBe(202)
    const progress = async () => (await app.inject({ method: 'GET', url: `/api/waves/${wave.waveId}/sending`, headers: { cookie } })).json()
    await expect.poll(async () => (await progress()).status).toBe('finished')
    expect(await progress()).toMatchObject({ queued: 54, sent: 54, failed: 0, skipped_by_policy: 0, offer: { code: 'API-OFFER', version: 1 }, owner: null })
    expect(sink.messages.length).toBe(54)
    // Asked again, nothing is sent twice.
    expect((await app.inject({ method: 'POST', url: `/api/waves/${wave.waveId}/send`, headers: { cookie } })).statusCode).toBe(202)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(sink.messages.length).toBe(54)
  })
})

describe('the unsubscribe link', () => {
  it('shows a page that records nothing, and records the opt-out when the client presses the button', async () => {
    const message = sink.messages[0]!
    const url = /^List-Unsubscribe: <https:\/\/bank\.example(\/unsubscribe\/[^>]+)>/m.exec(message.headers)![1]!
    const row = await db.kysely.selectFrom('contacts').select('client_id').where('provider_message_id', '=', message.messageId).executeTakeFirstOrThrow()
    const refusals = () => db.kysely.selectFrom('consents').select(['source', 'granted']).where('client_id', '=', row.client_id).where('channel', '=', 'email').where('granted', '=', false).execute()

    const page = await app.inject({ method: 'GET', url })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Отказаться от писем банка')
    expect(await refusals()).toEqual([])

    // The mail program's one-click POST (RFC 8058) and the button post to the same address.
    const done = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })
    expect(done.statusCode).toBe(200)
    expect(done.body).toContain('больше не будет присылать')
    expect(await refusals()).toEqual([{ source: 'unsubscribe_link', granted: false }])
    const audit = await db.kysely.selectFrom('audit_events').select(['action', 'entity_id']).where('action', '=', 'consent.opt_out').execute()
    expect(audit).toContainEqual({ action: 'consent.opt_out', entity_id: String(row.client_id) })
  })

  it('refuses a forged link and records nothing', async () => {
    const response = await app.inject({ method: 'POST', url: '/unsubscribe/MS5lbWFpbC4x.forged' })
    expect(response.statusCode).toBe(400)
    expect(response.body).toContain('недействительна')
  })
})

describe('the SMS gateway\'s callbacks', () => {
  it('record a delivery report on the contact and a STOP reply as an opt-out, with the gateway\'s token only', async () => {
    const client = wave.clientIds.target[3]!
    const contact = await db.kysely.selectFrom('contacts').select(['id']).where('client_id', '=', client).executeTakeFirstOrThrow()
    // An SMS contact to report on (the wave above was e-mail): one queued by hand for this check.
    await sql`UPDATE contacts SET channel = 'sms' WHERE client_id = ${client} AND id = ${contact.id}`.execute(db.kysely)
    const reference = `otklik-${wave.waveId}-${client}-${contact.id}`
    const report = { reference, id: 'gw-7', status: 'delivered', at: '2026-12-03T10:00:05Z' }
    const wrong = await app.inject({ method: 'POST', url: '/api/sms/reports', headers: { authorization: 'Bearer nope' }, payload: report })
    expect(wrong.statusCode).toBe(401)
    const right = await app.inject({ method: 'POST', url: '/api/sms/reports', headers: { authorization: `Bearer ${GATEWAY_TOKEN}` }, payload: report })
    expect(right.statusCode).toBe(204)
    const row = await db.kysely.selectFrom('contacts').select(['delivery_status', 'delivered_at']).where('client_id', '=', client).where('id', '=', contact.id).executeTakeFirstOrThrow()
    expect(row.delivery_status).toBe('delivered')
    const unknown = await app.inject({ method: 'POST', url: '/api/sms/reports', headers: { authorization: `Bearer ${GATEWAY_TOKEN}` }, payload: { ...report, reference: 'otklik-1-1-999999' } })
    expect(unknown.statusCode).toBe(404)

    const phone = (await db.kysely.selectFrom('clients').select('phone').where('id', '=', client).executeTakeFirstOrThrow()).phone!
    const stop = await app.inject({ method: 'POST', url: '/api/sms/inbound', headers: { authorization: `Bearer ${GATEWAY_TOKEN}` }, payload: { from: `+${phone}`, text: 'СТОП', at: '2026-12-03T10:01:00Z' } })
    // Every client with that phone (the fixtures of this file share numbers, as families do).
    const sharing = await db.kysely.selectFrom('clients').select('id').where('phone', '=', phone).execute()
    expect(stop.json()).toEqual({ optedOut: sharing.length, responses: 0 })
    const question = await app.inject({ method: 'POST', url: '/api/sms/inbound', headers: { authorization: `Bearer ${GATEWAY_TOKEN}` }, payload: { from: `+${phone}`, text: 'стоп, а какой процент?', at: '2026-12-03T10:02:00Z' } })
    expect(question.json()).toMatchObject({ optedOut: 0 })
    const refusals = await db.kysely.selectFrom('consents').select(['source']).where('client_id', '=', client).where('channel', '=', 'sms').where('granted', '=', false).execute()
    expect(refusals).toEqual([{ source: 'sms_stop' }])
  })
})

/** The message's parts, each decoded from base64 (app/channels/build-email-message.ts), joined. */
const bodyOf = (raw: string) => raw.split('\r\n\r\n').map((chunk) => chunk.split('\r\n--')[0]!.trim())
  .filter((chunk) => /^[A-Za-z0-9+/=\r\n]+$/.test(chunk)).map((chunk) => Buffer.from(chunk.replace(/\r\n/g, ''), 'base64').toString('utf8')).join('\n')
const TRACKED = /https:\/\/bank\.example(\/r\/[0-9a-z]+\.[0-9a-z]+\.[\w-]+)/

describe('the offer\'s tracked link', () => {
  const clicksOf = (clientId: number) => db.kysely.selectFrom('link_clicks').select(['clicks', 'first_clicked_at']).where('client_id', '=', clientId).execute()
  const responsesOf = (clientId: number) => db.kysely.selectFrom('responses').select(['type', 'source', 'wave_id']).where('client_id', '=', clientId).execute()
  const leadsOf = (clientId: number) => db.kysely.selectFrom('leads').select(['source', 'outcome', 'status', 'wave_id', 'offer_id']).where('client_id', '=', clientId).execute()

  it('is in every e-mail, signed for its client; a click is counted once as a visit and a lead, and sends the client to the offer\'s page', async () => {
    const links = sink.messages.map((m) => TRACKED.exec(bodyOf(m.raw))?.[1])
    expect(links.every((link) => link !== undefined)).toBe(true)
    expect(new Set(links).size).toBe(sink.messages.length)
    const message = sink.messages[1]!
    expect(bodyOf(message.raw).replace(/\r\n/g, '\n')).toContain(`Подробнее о предложении:\nhttps://bank.example${links[1]}`)
    const url = links[1]!
    const { client_id: clientId } = await db.kysely.selectFrom('contacts').select('client_id').where('provider_message_id', '=', message.messageId).executeTakeFirstOrThrow()

    // A link checker's HEAD is answered but counts nothing.
    expect((await app.inject({ method: 'HEAD', url })).statusCode).toBe(302)
    expect(await clicksOf(clientId)).toEqual([])
    const first = await app.inject({ method: 'GET', url })
    expect(first.statusCode).toBe(302)
    expect(first.headers.location).toBe(OFFER_PAGE)
    const [click] = await clicksOf(clientId)
    const second = await app.inject({ method: 'GET', url })
    expect(second.headers.location).toBe(OFFER_PAGE)
    expect(await clicksOf(clientId)).toEqual([{ clicks: 2, first_clicked_at: click!.first_clicked_at }])
    expect(await responsesOf(clientId)).toEqual([{ type: 'visit', source: 'click', wave_id: wave.waveId }])
    expect(await leadsOf(clientId)).toEqual([{ source: 'click', outcome: 'click', status: 'new', wave_id: wave.waveId, offer_id: wave.offerId }])
  })

  it.each([
    ['a forged signature', (url: string) => `${url.slice(0, -3)}AAA`],
    ['another client', (url: string) => url.replace(/\/r\/[0-9a-z]+\./, '/r/zz.')],
    ['garbage', () => '/r/%3Cscript%3E'],
  ])('answers %s with a plain 404 page, no redirect, nothing counted', async (_, forge) => {
    const url = TRACKED.exec(bodyOf(sink.messages[2]!.raw))![1]!
    const before = await db.kysely.selectFrom('link_clicks').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const response = await app.inject({ method: 'GET', url: forge(url) })
    expect(response.statusCode).toBe(404)
    expect(response.headers.location).toBeUndefined()
    expect(response.body).toContain('Ссылка недействительна')
    expect(await db.kysely.selectFrom('link_clicks').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(before)
  })

  it('makes an SMS reply that is not STOP a reply to the latest SMS, with its lead, once however often the gateway retries', async () => {
    const client = wave.clientIds.target[5]!
    const contact = await db.kysely.selectFrom('contacts').select(['id']).where('client_id', '=', client).executeTakeFirstOrThrow()
    await sql`UPDATE contacts SET channel = 'sms' WHERE client_id = ${client} AND id = ${contact.id}`.execute(db.kysely)
    const phone = (await db.kysely.selectFrom('clients').select('phone').where('id', '=', client).executeTakeFirstOrThrow()).phone!
    const reply = { from: `+${phone}`, text: 'Интересно, перезвоните после обеда', at: new Date(Date.now() + 1000).toISOString() }
    const post = () => app.inject({ method: 'POST', url: '/api/sms/inbound', headers: { authorization: `Bearer ${GATEWAY_TOKEN}` }, payload: reply })
    expect((await post()).json()).toEqual({ optedOut: 0, responses: 1 })
    expect((await post()).json()).toEqual({ optedOut: 0, responses: 1 })
    expect(await responsesOf(client)).toEqual([{ type: 'reply', source: 'sms', wave_id: wave.waveId }])
    const leads = await db.kysely.selectFrom('leads').select(['source', 'outcome', 'detail']).where('client_id', '=', client).execute()
    expect(leads).toEqual([{ source: 'sms', outcome: 'reply', detail: 'Интересно, перезвоните после обеда' }])
  })
})
