import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { replaceOffer } from '../../app/offer/replace-offer.ts'
import { replaceOfferBody } from '../../contract/offer-schemas.ts'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { seedClientBase, type ClientBase } from '../../../test/seed-client-base.ts'

let db: Database
let app: App
let base: ClientBase
const cookies = new Map<Role, string>()
const NBSP = '\u00a0'

const OFFER = {
  code: 'TD12-WINTER',
  name: 'Вклад «Зимний»',
  product: 'TD12',
  terms: 'Без пополнения и снятия',
  rate: 0.125,
  termMonths: 12,
  amount: 50000,
  validFrom: '2026-12-01',
  validUntil: '2027-02-28',
  templates: [
    {
      channel: 'email',
      subject: '{{ client.full_name | address_name }}, {{ offer.name }}',
      bodyHtml: '<p>{{ client.salutation }} {{ client.full_name | address_name }}!</p><p>{{ offer.rate | percent }} от {{ offer.amount | money }} до {{ offer.valid_until | date }}. Пишем на {{ client.email }}.</p>',
      bodyText: '{{ client.salutation }} {{ client.full_name | address_name }}! {{ offer.rate | percent }} до {{ offer.valid_until | date }}.',
    },
    { channel: 'sms', bodyText: '{{ client.first_name }}, вклад {{ offer.rate | percent }} до {{ offer.valid_until | date }}. Тел. {{ client.phone }}' },
    { channel: 'call', script: 'Здравствуйте, {{ client.full_name | address_name }}! Возражение «дорого»: ставка {{ offer.rate | percent }}.' },
  ],
}

beforeAll(async () => {
  db = await openTestDatabase()
  base = await seedClientBase(db)
  app = await buildTestServer(db)
  for (const role of ['marketer', 'head', 'manager', 'program_economist', 'operator'] as const) cookies.set(role, (await signIn(app, db, role)).cookie)
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const send = (who: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: { cookie: cookies.get(who)! }, ...(payload && { payload }) })
const count = async (table: 'offers' | 'offer_templates' | 'audit_events') => Number((await db.kysely.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

describe('offers', () => {
  it('creates version 1 as a draft with its templates, listed in the catalogue', async () => {
    const created = await send('marketer', 'POST', '/api/offers', OFFER)
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ code: 'TD12-WINTER', version: 1, status: 'draft', productName: 'Вклад 12 месяцев', rate: 0.125, createdBy: { login: 'marketer' }, approvedBy: null })
    expect(created.json().templates.map((t: { channel: string }) => t.channel)).toEqual(['email', 'sms', 'call'])
    const list = await send('program_economist', 'GET', '/api/offers')
    expect(list.json().items).toEqual([expect.objectContaining({ code: 'TD12-WINTER', version: 1, channels: ['email', 'sms', 'call'] })])
    expect((await send('marketer', 'POST', '/api/offers', OFFER)).json().details).toEqual({ code: 'offer.code_taken', offer: 'TD12-WINTER' })
  })

  it.each([
    ['an unknown field, naming its line', { templates: [{ channel: 'sms', bodyText: 'Добрый день!\n{{ client.frist_name }}' }] }, { code: 'template.unknown_field', part: 'body_text', line: 2, column: 4, field: 'client.frist_name', channel: 'sms', path: 'templates[0].bodyText' }],
    ['broken syntax', { templates: [{ channel: 'email', subject: 'ok', bodyHtml: '<p>\n{% if client.segment %}</p>' }] }, { code: 'template.syntax', part: 'body_html', line: 2, channel: 'email' }],
    ['a part the channel has not', { templates: [{ channel: 'sms', subject: 'Тема' }] }, { code: 'request.invalid', field: 'templates[0].subject' }],
    ['an end before the start', { validFrom: '2027-01-01', validUntil: '2026-01-01' }, { code: 'offer.end_before_start', field: 'validUntil' }],
    ['an unknown product', { product: 'NOPE' }, { code: 'offer.unknown_product', field: 'product', product: 'NOPE' }],
    ['a rate over 1', { rate: 12.5 }, { code: 'request.invalid', field: 'rate' }],
    ['a channel twice', { templates: [{ channel: 'sms', bodyText: 'a' }, { channel: 'sms', bodyText: 'b' }] }, { code: 'request.invalid', field: 'templates' }],
  ])('refuses %s with 400, writing nothing', async (_what, change, expected) => {
    const before = [await count('offers'), await count('offer_templates'), await count('audit_events')]
    const response = await send('marketer', 'POST', '/api/offers', { ...OFFER, code: 'BAD', ...change })
    expect(response.statusCode, response.body).toBe(400)
    expect(response.json().details).toMatchObject(expected)
    expect([await count('offers'), await count('offer_templates'), await count('audit_events')]).toEqual(before)
  })

  it('lets only the marketer write and the head or a manager approve', async () => {
    expect((await send('program_economist', 'PUT', '/api/offers/TD12-WINTER', OFFER)).statusCode).toBe(403)
    expect((await send('marketer', 'POST', '/api/offers/TD12-WINTER/approve', {})).statusCode).toBe(403)
    expect((await send('operator', 'GET', '/api/offers')).statusCode).toBe(403)
  })

  it('approves, and an edit appends a version that voids the approval', async () => {
    const approved = await send('head', 'POST', '/api/offers/TD12-WINTER/approve', { version: 1 })
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({ version: 1, status: 'approved', approvedBy: { login: 'head' } })
    expect((await send('manager', 'POST', '/api/offers/TD12-WINTER/approve', {})).json().details).toEqual({ code: 'offer.not_approvable', status: 'approved' })

    const { code: _code, ...content } = OFFER
    const edited = await send('marketer', 'PUT', '/api/offers/TD12-WINTER', { ...content, version: 1, rate: 0.13 })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({ version: 2, status: 'draft', rate: 0.13, approvedBy: null, approvedAt: null })
    // Version 1 is kept as it was, approval and all.
    const rows = await db.kysely.selectFrom('offers').select(['version', 'status', 'rate', 'approved_by_login']).where('code', '=', 'TD12-WINTER').orderBy('version').execute()
    expect(rows.map((r) => [r.version, r.status, Number(r.rate), r.approved_by_login])).toEqual([[1, 'approved', 0.125, 'head'], [2, 'draft', 0.13, null]])
    expect(await count('offer_templates')).toBe(6)

    const stale = await send('marketer', 'PUT', '/api/offers/TD12-WINTER', { ...content, version: 1 })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().details).toEqual({ code: 'offer.changed_since_read', version: 2 })
    expect((await send('manager', 'POST', '/api/offers/TD12-WINTER/approve', { version: 2 })).json()).toMatchObject({ version: 2, status: 'approved', approvedBy: { login: 'manager' } })
  })

  it('refuses an approval by the version\'s own author (four eyes)', async () => {
    const head = await db.kysely.selectFrom('users').select(['id', 'login', 'full_name']).where('login', '=', 'head').executeTakeFirstOrThrow()
    const { code: _code, ...content } = OFFER
    await replaceOffer(db.kysely, { code: 'TD12-WINTER', body: replaceOfferBody.parse({ ...content, rate: 0.14 }), actor: { id: head.id, login: head.login, fullName: head.full_name, role: 'head', branchId: null } })
    const response = await send('head', 'POST', '/api/offers/TD12-WINTER/approve', {})
    expect(response.statusCode).toBe(409)
    expect(response.json().details).toEqual({ code: 'offer.four_eyes', login: 'head' })
    expect((await send('manager', 'POST', '/api/offers/TD12-WINTER/approve', {})).json()).toMatchObject({ version: 3, status: 'approved' })
  })
})

describe('two marketers at once', () => {
  // The unique key (code, version) decides; the loser gets the 409 a sequential request gets, never a 500.
  it('creates a code once when it is created twice at the same moment (two tabs)', async () => {
    // Several rounds: the requests interleave differently each time.
    for (let round = 0; round < 12; round++) {
      const code = round === 0 ? 'SAME-TIME' : `SAME-TIME-${round}`
      const answers = await Promise.all([send('marketer', 'POST', '/api/offers', { ...OFFER, code }), send('marketer', 'POST', '/api/offers', { ...OFFER, code })])
      expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join()).toEqual([201, 409])
      expect(answers.find((a) => a.statusCode === 409)!.json().details).toEqual({ code: 'offer.code_taken', offer: code })
    }
  })

  it('gives two edits at the same moment consecutive versions or a 409, never a lost or duplicated version', async () => {
    const { code: _code, ...content } = OFFER
    for (let round = 1; round < 12; round++) {
      const code = `SAME-TIME-${round}`
      const answers = await Promise.all([send('marketer', 'PUT', `/api/offers/${code}`, { ...content, rate: 0.13 }), send('marketer', 'PUT', `/api/offers/${code}`, { ...content, rate: 0.135 })])
      for (const answer of answers) expect([200, 409], answer.body).toContain(answer.statusCode)
      const ok = answers.filter((a) => a.statusCode === 200).map((a) => a.json().version).sort()
      const versions = (await db.kysely.selectFrom('offers').select('version').where('code', '=', code).orderBy('version').execute()).map((r) => r.version)
      expect(versions).toEqual([1, ...ok])
      expect(ok[0]).toBe(2)
    }
  })
})

describe('POST /api/offers/:code/preview', () => {
  it('renders the e-mail for a real client, masking what the marketer may not see, and audits it', async () => {
    const before = await count('audit_events')
    const response = await send('marketer', 'POST', '/api/offers/TD12-WINTER/preview', { channel: 'email', clientId: base.ids['C-0001'] })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({
      version: 3,
      parts: [
        { part: 'subject', text: 'Иван Петрович, Вклад «Зимний»' },
        { part: 'body_html', text: `<p>Здравствуйте, Иван Петрович!</p><p>14${NBSP}% от 50${NBSP}000${NBSP}₽ до 28.02.2027. Пишем на i***@***.</p>` },
        { part: 'body_text', text: `Здравствуйте, Иван Петрович! 14${NBSP}% до 28.02.2027.` },
      ],
    })
    expect(response.json().masked).toEqual(expect.arrayContaining(['email', 'phone']))
    expect(await count('audit_events')).toBe(before + 1)
    const event = await db.kysely.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(event).toMatchObject({ login: 'marketer', action: 'offer.preview', entity: 'client', entity_id: String(base.ids['C-0001']) })
  })

  it('shows the head the phone, and counts the SMS in UCS-2 segments', async () => {
    const response = await send('head', 'POST', '/api/offers/TD12-WINTER/preview', { channel: 'sms', clientId: base.ids['C-0002'] })
    expect(response.statusCode, response.body).toBe(200)
    const text = `Анна, вклад 14${NBSP}% до 28.02.2027. Тел. 79031112233`
    expect(response.json()).toMatchObject({ masked: [], parts: [{ part: 'body_text', text }], sms: { encoding: 'ucs2', units: text.length, segments: 1 } })
    expect(response.json().sms.ucs2Characters).toContain('А')
  })

  it('refuses on save an SMS surely over 10 segments, naming the field, and writes nothing', async () => {
    const { code: _code, ...content } = OFFER
    const before = [await count('offers'), await count('audit_events')]
    // 722 characters of static Cyrillic text: 11 UCS-2 segments of 67 before any field is filled in.
    const long = { ...content, templates: [OFFER.templates[0], { channel: 'sms', bodyText: `{{ client.first_name }}, ${'вклад '.repeat(120)}` }] }
    const refused = await send('marketer', 'PUT', '/api/offers/TD12-WINTER', long)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().details).toEqual({ code: 'offer.sms_over_limit', field: 'templates[1].bodyText', segments: 11, max: 10 })
    expect([await count('offers'), await count('audit_events')]).toEqual(before)
    // Text inside {% if %} may not be sent: only what every client gets is counted on save.
    const branched = { ...content, templates: [{ channel: 'sms', bodyText: `{% if client.segment == 'vip' %}${'вклад '.repeat(120)}{% endif %}Вклад` }] }
    expect((await send('marketer', 'POST', '/api/offers', { ...branched, code: 'SMS-IF' })).statusCode).toBe(201)
  })

  it('keeps the offer\'s page for its tracked link, and refuses a link that is not a web address, naming the field', async () => {
    const { code: _code, ...content } = OFFER
    for (const link of ['javascript:alert(1)', 'ftp://bank.example/x', 'bank.example/cards']) {
      const refused = await send('marketer', 'POST', '/api/offers', { ...content, code: 'LINK-BAD', link })
      expect(refused.statusCode, link).toBe(400)
      expect(refused.json().details, link).toMatchObject({ code: 'request.invalid', field: 'link' })
    }
    const created = await send('marketer', 'POST', '/api/offers', { ...content, code: 'LINK-OK', link: 'https://bank.example/deposits/winter?utm_source=otklik' })
    expect(created.statusCode, created.body).toBe(201)
    expect((await send('marketer', 'GET', '/api/offers/LINK-OK')).json()).toMatchObject({ link: 'https://bank.example/deposits/winter?utm_source=otklik' })
  })

  it('refuses in the preview an SMS that the name of the client takes over 10 segments', async () => {
    const { code: _code, ...content } = OFFER
    // 668 static characters: 10 segments without a name, 11 with «Иван, ».
    const long = { ...content, templates: [{ channel: 'sms', bodyText: `{{ client.first_name }}, ${'я'.repeat(666)}` }] }
    expect((await send('marketer', 'PUT', '/api/offers/TD12-WINTER', long)).statusCode).toBe(200)
    const response = await send('marketer', 'POST', '/api/offers/TD12-WINTER/preview', { channel: 'sms', clientId: base.ids['C-0001'] })
    expect(response.statusCode).toBe(400)
    expect(response.json().details).toEqual({ code: 'offer.sms_too_long', segments: 11, max: 10 })
  })

  it.each([
    ['a channel without a template', { channel: 'letter', clientId: 1 }, 400, { code: 'offer.no_template', channel: 'letter' }],
    ['an unknown client', { channel: 'sms', clientId: 999999 }, 404, { code: 'client.not_found', id: 999999 }],
    ['no client', { channel: 'sms' }, 400, { code: 'request.invalid', field: 'clientId' }],
  ])('refuses %s', async (_what, body, status, details) => {
    const response = await send('marketer', 'POST', '/api/offers/TD12-WINTER/preview', body)
    expect(response.statusCode).toBe(status)
    expect(response.json().details).toMatchObject(details)
  })
})
