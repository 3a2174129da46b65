import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { seedClientBase, type ClientBase } from '../../../test/seed-client-base.ts'

// A call template's structured script (issue 8, item 1): the opening and pitch, and the client's
// objections with the operator's answers, checked on save and rendered in the preview.

let db: Database
let app: App
let base: ClientBase
const cookies = new Map<Role, string>()
const NBSP = '\u00a0'

beforeAll(async () => {
  db = await openTestDatabase()
  base = await seedClientBase(db)
  app = await buildTestServer(db)
  for (const role of ['marketer'] as const) cookies.set(role, (await signIn(app, db, role)).cookie)
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const send = (who: Role, url: string, payload: object, method: 'POST' | 'PUT' = 'POST') => app.inject({ method, url, headers: { cookie: cookies.get(who)! }, payload })
const CALL = {
  channel: 'call',
  script: 'Здравствуйте, {{ client.full_name | address_name }}! Для вас кредит под {{ offer.rate | percent }}.',
  objections: [
    { objection: 'Дорого', answer: 'Ставка {{ offer.rate | percent }} — ниже, чем в среднем по рынку.' },
    { objection: 'Перезвоните позже', answer: 'Конечно. Предложение действует до {{ offer.valid_until | date }}.' },
  ],
}
const OFFER = { code: 'CL-CALL', name: 'Кредит', rate: 0.199, validUntil: '2027-01-31', templates: [CALL] }

describe('a call script with objections', () => {
  it('is saved with its objections and rendered for a client, answers included', async () => {
    const created = await send('marketer', '/api/offers', OFFER)
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json().templates[0].objections).toEqual(CALL.objections)
    const preview = await send('marketer', '/api/offers/CL-CALL/preview', { channel: 'call', clientId: base.ids['C-0001'] })
    expect(preview.statusCode, preview.body).toBe(200)
    expect(preview.json().callScript).toEqual({
      script: `Здравствуйте, Иван Петрович! Для вас кредит под 19,9${NBSP}%.`,
      objections: [
        { objection: 'Дорого', answer: `Ставка 19,9${NBSP}% — ниже, чем в среднем по рынку.` },
        { objection: 'Перезвоните позже', answer: 'Конечно. Предложение действует до 31.01.2027.' },
      ],
    })
  })

  it.each([
    ['an answer with an unknown field, naming its path and line', { objections: [{ objection: 'Дорого', answer: 'Ставка\n{{ offer.rat }}' }] },
      { code: 'template.unknown_field', field: 'offer.rat', line: 2, path: 'templates[0].objections[0].answer', channel: 'call' }],
    ['an empty answer', { objections: [{ objection: 'Дорого', answer: ' ' }] }, { code: 'request.invalid', field: 'templates.0.objections.0.answer' }],
    ['objections on an SMS', { channel: 'sms', script: null, bodyText: 'Кредит', objections: [{ objection: 'Дорого', answer: 'Нет' }] }, { code: 'request.invalid', field: 'templates[0].objections' }],
  ])('refuses %s', async (_what, change, details) => {
    const response = await send('marketer', '/api/offers', { ...OFFER, code: 'CL-BAD', templates: [{ ...CALL, ...change }] })
    expect(response.statusCode, response.body).toBe(400)
    expect(response.json().details).toMatchObject(details)
  })
})
