import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_CONTACT_WINDOW } from '../../core/execution/contact-window.ts'
import { DEFAULT_BANK_LETTERHEAD } from '../../core/offer/default-bank-letterhead.ts'
import { readContactWindow } from '../../db/stores/contact-window-store.ts'
import { readBankLetterhead } from '../../db/stores/letterhead-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'

// The bank's letterhead and contact hours over HTTP: the head and the admin read and set them, every
// change audited; a bad value is refused naming its field; what is saved is what letters and sends read.
const db = await openTestDatabase()
const app = await buildTestServer(db)
const head = (await signIn(app, db, 'head')).cookie
const admin = (await signIn(app, db, 'admin')).cookie
const economist = (await signIn(app, db, 'program_economist')).cookie

afterAll(async () => {
  await app.close()
  await db.close()
})

const call = (method: 'GET' | 'PUT', url: string, cookie: string, payload?: object) => app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) })

const LETTERHEAD = {
  name: 'ПАО «Северный банк»', address: '190000, г. Санкт-Петербург, Невский пр., д. 10', phone: '8 800 200-30-40',
  website: 'sever-bank.example', license: 'Лицензия Банка России № 0000', signatory: { name: 'И. П. Смирнова', title: 'Директор по работе с клиентами' },
}

describe('/api/settings/letterhead', () => {
  it('shows the placeholder until set, then the bank\'s own, which letters read; audited with before and after', async () => {
    expect((await call('GET', '/api/settings/letterhead', head)).json()).toEqual({ ...DEFAULT_BANK_LETTERHEAD, isDefault: true })
    const saved = await call('PUT', '/api/settings/letterhead', head, LETTERHEAD)
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toEqual({ ...LETTERHEAD, isDefault: false })
    expect(await readBankLetterhead(db.kysely)).toEqual(LETTERHEAD)
    const audit = await db.kysely.selectFrom('audit_events').select(['login', 'entity_id', 'details']).where('action', '=', 'settings.letterhead').executeTakeFirstOrThrow()
    expect(audit).toEqual({ login: 'head', entity_id: 'letterhead', details: { before: null, after: LETTERHEAD } })
  })

  it('refuses a letterhead without a signatory\'s name, naming the field, and changes nothing', async () => {
    const refused = await call('PUT', '/api/settings/letterhead', admin, { ...LETTERHEAD, name: 'Другой', signatory: { name: ' ', title: 'Директор' } })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().details).toMatchObject({ code: 'request.invalid', field: 'signatory.name' })
    expect(await readBankLetterhead(db.kysely)).toEqual(LETTERHEAD)
  })

  it('is the head\'s and the admin\'s only', async () => {
    expect((await call('GET', '/api/settings/letterhead', economist)).statusCode).toBe(403)
    expect((await call('PUT', '/api/settings/letterhead', economist, LETTERHEAD)).statusCode).toBe(403)
  })
})

describe('/api/settings/contact-hours', () => {
  it('sets the hours SMS and calls keep, days off closed, audited', async () => {
    expect((await call('GET', '/api/settings/contact-hours', admin)).json()).toEqual({ ...DEFAULT_CONTACT_WINDOW, isDefault: true })
    const hours = { weekdays: { from: 600, until: 1200 }, weekends: null }
    const saved = await call('PUT', '/api/settings/contact-hours', admin, hours)
    expect(saved.json()).toEqual({ ...hours, isDefault: false })
    expect(await readContactWindow(db.kysely)).toEqual(hours)
    const audit = await db.kysely.selectFrom('audit_events').select(['login', 'details']).where('action', '=', 'settings.contact_hours').executeTakeFirstOrThrow()
    expect(audit).toEqual({ login: 'admin', details: { before: DEFAULT_CONTACT_WINDOW, after: hours } })
  })

  it.each([
    [{ weekdays: { from: 1200, until: 600 }, weekends: null }, 'weekdays.until'],
    [{ weekdays: { from: 540, until: 1260 }, weekends: { from: 600, until: 1500 } }, 'weekends.until'],
    [{ weekdays: { from: 540.5, until: 1260 }, weekends: null }, 'weekdays.from'],
    [{ weekdays: { from: 540, until: 1260 } }, 'weekends'],
  ])('refuses %j naming %s', async (body, field) => {
    const refused = await call('PUT', '/api/settings/contact-hours', head, body)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().details).toMatchObject({ code: 'request.invalid', field })
  })
})
