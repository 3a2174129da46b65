import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { readPdfText } from '../../../test/read-pdf-text.ts'
import { seedClientBase, type ClientBase } from '../../../test/seed-client-base.ts'

// The letter preview as printed (issue 8, item 1): GET /api/offers/:code/preview.pdf, with the JSON
// preview's scope check, masking and audit.

const SHOTS = '/tmp/shots/letters'
let db: Database
let app: App
let base: ClientBase
const cookies = new Map<Role, string>()

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  db = await openTestDatabase()
  base = await seedClientBase(db)
  app = await buildTestServer(db)
  for (const role of ['marketer', 'head', 'operator'] as const) cookies.set(role, (await signIn(app, db, role)).cookie)
  const offer = {
    code: 'TD-LETTER',
    name: 'Продление вклада «Доходный»',
    rate: 0.16,
    amount: 50000,
    validUntil: '2027-02-28',
    templates: [{
      channel: 'letter',
      bodyHtml: '<p>{{ client.salutation }} {{ client.full_name | address_name }}!</p><p>Продлите вклад под {{ offer.rate | percent }} до {{ offer.valid_until | date }}.</p><ul><li>Сумма от {{ offer.amount | money }}</li><li>Адрес: {{ client.address }}</li></ul>',
    }, { channel: 'sms', bodyText: 'Вклад' }],
  }
  const created = await app.inject({ method: 'POST', url: '/api/offers', headers: { cookie: cookies.get('marketer')! }, payload: offer })
  expect(created.statusCode, created.body).toBe(201)
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const get = (who: Role, query: string) => app.inject({ method: 'GET', url: `/api/offers/TD-LETTER/preview.pdf?${query}`, headers: { cookie: cookies.get(who)! } })

describe('GET /api/offers/:code/preview.pdf', () => {
  it('prints the letter for the client on the letterhead, the address masked for the marketer, audited', async () => {
    const response = await get('marketer', `channel=letter&clientId=${base.ids['C-0001']}`)
    expect(response.statusCode, response.body).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['cache-control']).toBe('no-store')
    writeFileSync(join(SHOTS, 'preview-marketer.pdf'), response.rawPayload)
    const { pages, text } = await readPdfText(response.rawPayload)
    expect(pages).toBe(1)
    for (const word of ['АО «Банк Отклик»', 'Кому: Иванов Иван Петрович', 'Продление вклада «Доходный»', 'Здравствуйте, Иван Петрович!', 'Продлите вклад под 16 % до 28.02.2027.', '• Сумма от 50 000 ₽', 'С уважением,']) {
      expect(text).toContain(word)
    }
    expect(text).not.toContain('Тверская, д. 7')
    const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'offer.preview').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(event).toMatchObject({ login: 'marketer', entity: 'client', entity_id: String(base.ids['C-0001']), details: { offer: 'TD-LETTER', channel: 'letter', format: 'pdf' } })
    if (existsSync('/usr/bin/pdftoppm')) execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '70', join(SHOTS, 'preview-marketer.pdf'), join(SHOTS, 'preview-marketer')])
  })

  it('shows the head the address, in the address block and in the body', async () => {
    const response = await get('head', `channel=letter&clientId=${base.ids['C-0001']}`)
    const { text } = await readPdfText(response.rawPayload)
    expect(text).toContain('Куда: г. Москва, ул. Тверская, д. 7')
    expect(text).toContain('• Адрес: г. Москва, ул. Тверская, д. 7')
  })

  it.each([
    ['another channel', 'channel=sms&clientId=1', 400, { code: 'request.invalid', field: 'channel' }],
    ['no client', 'channel=letter', 400, { code: 'request.invalid', field: 'clientId' }],
    ['an unknown client', 'channel=letter&clientId=999999', 404, { code: 'client.not_found' }],
  ])('refuses %s', async (_what, query, status, details) => {
    const response = await get('marketer', query)
    expect(response.statusCode).toBe(status)
    expect(response.json().details).toMatchObject(details)
  })

  it('is refused to a role that does not read offers', async () => {
    expect((await get('operator', `channel=letter&clientId=${base.ids['C-0001']}`)).statusCode).toBe(403)
  })
})
