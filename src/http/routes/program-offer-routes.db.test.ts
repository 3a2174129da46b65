import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import { findProgramOffer } from '../../db/stores/offer-store.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { seedClientBase } from '../../../test/seed-client-base.ts'

// A program names an offer from the catalogue (issue 8, item 1): checked, audited, shown with its
// approval; and a retired offer is named by no program again.

let db: Database
let app: App
const cookies = new Map<Role, string>()

beforeAll(async () => {
  db = await openTestDatabase()
  await seedClientBase(db)
  app = await buildTestServer(db)
  for (const role of ['marketer', 'head', 'manager', 'program_economist', 'analyst'] as const) cookies.set(role, (await signIn(app, db, role)).cookie)
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const send = (who: Role, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: { cookie: cookies.get(who)! }, ...(payload && { payload }) })
const count = async (table: 'programs' | 'audit_events') => Number((await db.kysely.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const offer = (code: string) => ({ code, name: `Кредит ${code}`, rate: 0.199, templates: [{ channel: 'sms', bodyText: 'Кредит под {{ offer.rate | percent }}' }] })

describe('a program names its offer', () => {
  it('refuses an unknown offer code with 400 naming offerCode, writing nothing', async () => {
    const before = [await count('programs'), await count('audit_events')]
    const response = await send('program_economist', 'POST', '/api/programs', { code: 'P-BAD', name: 'Без предложения', goal: 'cross_sell', offerCode: 'NOPE' })
    expect(response.statusCode, response.body).toBe(400)
    expect(response.json().details).toEqual({ code: 'program.unknown_offer', field: 'offerCode', offer: 'NOPE' })
    expect([await count('programs'), await count('audit_events')]).toEqual(before)
    const malformed = await send('program_economist', 'POST', '/api/programs', { code: 'P-BAD', name: 'x', goal: 'cross_sell', offerCode: 'два слова' })
    expect(malformed.json().details).toMatchObject({ code: 'request.invalid', field: 'offerCode' })
  })

  it('shows the offer and whether waves may send it: a draft first, approved after the head approves', async () => {
    expect((await send('marketer', 'POST', '/api/offers', offer('CL-A'))).statusCode).toBe(201)
    const created = await send('program_economist', 'POST', '/api/programs', { code: 'P-1', name: 'Кредит зарплатным', goal: 'cross_sell', offerCode: 'CL-A', offer: 'Ставка от 19,9 %' })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ offerCode: 'CL-A', offer: 'Ставка от 19,9 %', offerSummary: { code: 'CL-A', name: 'Кредит CL-A', version: 1, status: 'draft', approved: false } })
    const event = await db.kysely.selectFrom('audit_events').select('details').where('action', '=', 'program.create').where('entity_id', '=', 'P-1').executeTakeFirstOrThrow()
    expect(event.details).toMatchObject({ offerCode: 'CL-A' })

    expect((await send('head', 'POST', '/api/offers/CL-A/approve', {})).statusCode).toBe(200)
    const shown = await send('analyst', 'GET', '/api/programs/P-1')
    expect(shown.json().offerSummary).toEqual({ code: 'CL-A', name: 'Кредит CL-A', version: 1, status: 'approved', approved: true })
    const program = (await findProgramByCode(db.kysely, 'P-1'))!
    expect(await findProgramOffer(db.kysely, program.id)).toMatchObject({ code: 'CL-A', approved: true, templates: [{ channel: 'sms' }] })
  })

  it('changes the offer by PATCH, audited with before and after, and clears it with null', async () => {
    expect((await send('marketer', 'POST', '/api/offers', offer('CL-B'))).statusCode).toBe(201)
    const patched = await send('program_economist', 'PATCH', '/api/programs/P-1', { offerCode: 'CL-B' })
    expect(patched.statusCode, patched.body).toBe(200)
    expect(patched.json()).toMatchObject({ offerCode: 'CL-B', offerSummary: { code: 'CL-B', approved: false } })
    const event = await db.kysely.selectFrom('audit_events').select('details').where('action', '=', 'program.update').where('entity_id', '=', 'P-1').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(event.details).toEqual({ changed: ['offerCode'], offerCode: { before: 'CL-A', after: 'CL-B' } })
    const refused = await send('program_economist', 'PATCH', '/api/programs/P-1', { offerCode: 'NOPE' })
    expect(refused.json().details).toEqual({ code: 'program.unknown_offer', field: 'offerCode', offer: 'NOPE' })
    const cleared = await send('program_economist', 'PATCH', '/api/programs/P-1', { offerCode: null })
    expect(cleared.json()).toMatchObject({ offerCode: null, offerSummary: null })
  })
})

describe('retiring an offer', () => {
  it('lets the marketer, the head or a manager retire, audited; no one else', async () => {
    expect((await send('marketer', 'POST', '/api/offers', offer('CL-R'))).statusCode).toBe(201)
    expect((await send('program_economist', 'POST', '/api/offers/CL-R/retire', {})).statusCode).toBe(403)
    expect((await send('analyst', 'POST', '/api/offers/CL-R/retire', {})).statusCode).toBe(403)
    expect((await send('manager', 'POST', '/api/offers/CL-R/retire', { version: 2 })).json().details).toEqual({ code: 'offer.changed_since_read', version: 1 })
    const retired = await send('manager', 'POST', '/api/offers/CL-R/retire', { version: 1, comment: 'Ставка ЦБ изменилась' })
    expect(retired.statusCode, retired.body).toBe(200)
    expect(retired.json()).toMatchObject({ status: 'retired', version: 1, retiredBy: { login: 'manager' }, retiredAt: expect.any(String) })
    const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'offer.retire').executeTakeFirstOrThrow()
    expect(event).toMatchObject({ login: 'manager', entity: 'offer', entity_id: 'CL-R', details: { version: 1, wasApproved: false, comment: 'Ставка ЦБ изменилась' } })
    const again = await send('marketer', 'POST', '/api/offers/CL-R/retire', {})
    expect([again.statusCode, again.json().details]).toEqual([409, { code: 'offer.already_retired', offer: 'CL-R' }])
  })

  it('refuses to edit, approve or link a retired offer; a program naming it can no longer send it', async () => {
    expect((await send('marketer', 'POST', '/api/offers', offer('CL-OLD'))).statusCode).toBe(201)
    expect((await send('head', 'POST', '/api/offers/CL-OLD/approve', {})).statusCode).toBe(200)
    expect((await send('program_economist', 'POST', '/api/programs', { code: 'P-OLD', name: 'Старое предложение', goal: 'cross_sell', offerCode: 'CL-OLD' })).statusCode).toBe(201)
    expect((await send('marketer', 'POST', '/api/offers/CL-OLD/retire', {})).json()).toMatchObject({ status: 'retired', approvedBy: { login: 'head' } })

    const { code: _code, ...content } = offer('CL-OLD')
    const edit = await send('marketer', 'PUT', '/api/offers/CL-OLD', content)
    expect([edit.statusCode, edit.json().details]).toEqual([409, { code: 'offer.retired', offer: 'CL-OLD' }])
    const approve = await send('head', 'POST', '/api/offers/CL-OLD/approve', {})
    expect([approve.statusCode, approve.json().details]).toEqual([409, { code: 'offer.retired', offer: 'CL-OLD' }])
    const link = await send('program_economist', 'PATCH', '/api/programs/P-1', { offerCode: 'CL-OLD' })
    expect([link.statusCode, link.json().details]).toEqual([400, { code: 'program.offer_retired', field: 'offerCode', offer: 'CL-OLD' }])

    // The program that named it keeps the name (its history), shows it retired, and may still be edited otherwise.
    const shown = await send('program_economist', 'PATCH', '/api/programs/P-OLD', { name: 'Старое предложение (снято)' })
    expect(shown.statusCode, shown.body).toBe(200)
    expect(shown.json().offerSummary).toEqual({ code: 'CL-OLD', name: 'Кредит CL-OLD', version: 1, status: 'retired', approved: false })
    expect(await findProgramOffer(db.kysely, (await findProgramByCode(db.kysely, 'P-OLD'))!.id)).toMatchObject({ status: 'retired', approved: false })
  })
})
