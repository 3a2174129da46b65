import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, createTestUser, signIn } from '../../../test/build-test-server.ts'
import { seedClientBase, type ClientBase } from '../../../test/seed-client-base.ts'

let db: Database
let app: App
let base: ClientBase
const cookies = new Map<Role, string>()
beforeAll(async () => {
  db = await openTestDatabase()
  base = await seedClientBase(db)
  app = await buildTestServer(db, () => new Date('2026-03-02T09:00:00Z'))
  await createTestUser(db, 'branch', 'branch', base.branchIds.MSK)
  for (const role of ['head', 'analyst', 'program_economist', 'marketer', 'operator', 'branch', 'auditor'] as const) {
    cookies.set(role, (await signIn(app, db, role)).cookie)
  }
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const get = (role: Role | undefined, url: string) =>
  app.inject({ method: 'GET', url, headers: role ? { cookie: cookies.get(role)! } : {} })
const auditEvents = (action: string) =>
  db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute()

describe('GET /api/clients', () => {
  it('answers 401 without a session and 403 to the auditor', async () => {
    expect((await get(undefined, '/api/clients')).statusCode).toBe(401)
    expect((await get('auditor', '/api/clients')).statusCode).toBe(403)
  })

  it.each([
    ['8 (912) 345-67-89'],
    ['+7 912 3456789'],
    ['C-0001'],
    ['Петрович'],
  ])('finds Иванов by %s', async (q) => {
    const response = await get('head', `/api/clients?q=${encodeURIComponent(q)}`)
    expect(response.statusCode).toBe(200)
    expect(response.json().items.map((c: { bankId: string }) => c.bankId)).toEqual(['C-0001'])
  })

  it('filters by branch code and pages', async () => {
    const body = (await get('head', '/api/clients?branch=MSK&sort=bankId&limit=1&offset=1')).json()
    expect(body.total).toBe(2)
    expect(body.items.map((c: { bankId: string }) => c.bankId)).toEqual(['C-0003'])
  })

  it('treats empty parameters as not given', async () => {
    const body = (await get('head', '/api/clients?q=&branch=&segment=&status=&vip=&sort=&order=')).json()
    expect(body.total).toBe(5)
  })

  it.each([
    ['head', { phone: '79123456789', email: 'ivanov@mail.ru', birthDate: '1980-05-17' }],
    ['program_economist', { phone: '79123456789', email: 'ivanov@mail.ru', birthDate: '1980-05-17' }],
    ['operator', { phone: '79123456789', email: 'i***@***', birthDate: '1980-05-17' }],
    ['branch', { phone: '7******89', email: 'i***@***', birthDate: '1980-05-17' }],
    ['analyst', { phone: '7******89', email: 'i***@***', birthDate: '1980-05-17' }],
    ['marketer', { phone: '7******89', email: 'i***@***', birthDate: '****-**-**' }],
  ] as const)('masks personal fields in the list for %s', async (role, expected) => {
    const [client] = (await get(role, '/api/clients?q=C-0001')).json().items
    expect({ phone: client.phone, email: client.email, birthDate: client.birthDate }).toEqual(expected)
    expect(client.fullName).toBe('Иванов Иван Петрович')
  })

  it.each([
    ['limit=501', /limit/],
    ['limit=0', /limit/],
    ['limit=ten', /limit/],
    ['offset=-1', /offset/],
    [`q=${'я'.repeat(101)}`, /q/],
    ['q=a&q=b', /q/],
    ['sort=phone', /sort/],
    ['sort=birthDate', /sort/],
    ['order=up', /order/],
    ['segment=gold', /segment/],
    ['status=asleep', /status/],
    ['vip=yes', /vip/],
    [`branch=${'X'.repeat(21)}`, /branch/],
  ])('answers 400 naming the parameter for %s', async (query, field) => {
    const response = await get('head', `/api/clients?${query}`)
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toBe('invalid_input')
    expect(response.json().message).toMatch(field)
  })
})

describe('GET /api/clients/:id', () => {
  it('shows the card: products, activity oldest first, consents in force and their history', async () => {
    const response = await get('head', `/api/clients/${base.ids['C-0002']}`)
    expect(response.statusCode).toBe(200)
    const card = response.json()
    expect(card.client).toMatchObject({
      bankId: 'C-0002',
      fullName: 'Петрова Анна Ивановна',
      phone: '79031112233',
      address: 'г. Москва, ул. Тверская, д. 7',
      vip: true,
      doNotContact: false,
      personalManager: { id: base.managerId, fullName: 'Орлова Вера' },
    })
    expect(card.holdings.map((h: { productName: string }) => h.productName)).toEqual(['Дебетовая карта', 'Кредитная карта', 'Вклад 12 месяцев'])
    expect(card.holdings[0]).toMatchObject({ accountNo: '40817810000000000001', productType: 'debit_card', balance: 12500.75, closedAt: null })
    expect(card.activity.map((a: { month: string }) => a.month)).toEqual(['2025-01-01', '2025-02-01', '2025-03-01'])
    expect(card.activity[1]).toEqual({ month: '2025-02-01', turnover: 87000.5, transactions: 38, cardSpend: 43000, mobileLogins: 18, branchVisits: 2 })
    expect(card.consents.current).toEqual([
      { channel: 'email', granted: true, effectiveAt: '2024-06-01T00:00:00.000Z', source: 'web' },
      { channel: 'sms', granted: false, effectiveAt: '2025-02-01T12:00:00.000Z', source: 'call_centre' },
    ])
    expect(card.consents.history).toHaveLength(4)
    expect(card.consents.history[0]).toMatchObject({ channel: 'sms', granted: false, recordedAt: '2025-02-01T12:00:00.000Z' })
  })

  it.each([
    ['operator', 'C-0002', { phone: '79031112233', email: 'p***@***', birthDate: '1975-01-02', address: '***' }],
    ['branch', 'C-0001', { phone: '7******89', email: 'i***@***', birthDate: '1980-05-17', address: '***' }],
    ['marketer', 'C-0002', { phone: '7******33', email: 'p***@***', birthDate: '****-**-**', address: '***' }],
  ] as const)('masks the card for %s', async (role, bankId, expected) => {
    const { client } = (await get(role, `/api/clients/${base.ids[bankId]}`)).json()
    expect({ phone: client.phone, email: client.email, birthDate: client.birthDate, address: client.address }).toEqual(expected)
  })

  it('writes a client.view audit event for every view', async () => {
    const before = (await auditEvents('client.view')).length
    await get('operator', `/api/clients/${base.ids['C-0003']}`)
    await get('operator', `/api/clients/${base.ids['C-0003']}`)
    const events = await auditEvents('client.view')
    expect(events).toHaveLength(before + 2)
    expect(events.at(-1)).toMatchObject({ login: 'operator', entity: 'client', entity_id: String(base.ids['C-0003']) })
  })

  it('answers 404 for an unknown client and 400 for an id that is not one', async () => {
    expect((await get('head', '/api/clients/999999')).statusCode).toBe(404)
    for (const id of ['abc', '0', '-3', '1.5', '1e30']) {
      const response = await get('head', `/api/clients/${id}`)
      expect(response.statusCode, id).toBe(400)
      expect(response.json().message).toMatch(/id/)
    }
  })
})

describe('POST /api/clients/:id/notes', () => {
  const post = (role: Role, id: number | string, payload: unknown) =>
    app.inject({ method: 'POST', url: `/api/clients/${id}/notes`, headers: { cookie: cookies.get(role)! }, payload: payload as object })

  it('records a note that the card then shows with its author; the audit event has no text', async () => {
    const response = await post('branch', base.ids['C-0001']!, { kind: 'life_event', body: '  Ждёт ребёнка, спрашивала про ипотеку  ' })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({ kind: 'life_event', body: 'Ждёт ребёнка, спрашивала про ипотеку', authorName: 'Test branch' })
    const card = (await get('head', `/api/clients/${base.ids['C-0001']}`)).json()
    expect(card.notes).toEqual([response.json()])
    const [event] = await auditEvents('note.create')
    expect(event).toMatchObject({ login: 'branch', entity_id: String(base.ids['C-0001']), details: { noteId: response.json().id, kind: 'life_event' } })
    expect(JSON.stringify(event)).not.toContain('ипотек')
  })

  it('refuses a bad note with 400, an unknown client with 404, an analyst with 403', async () => {
    expect((await post('branch', base.ids['C-0001']!, { kind: 'gossip', body: 'x' })).statusCode).toBe(400)
    expect((await post('branch', base.ids['C-0001']!, { kind: 'other', body: '   ' })).statusCode).toBe(400)
    expect((await post('branch', base.ids['C-0001']!, { kind: 'other', body: 'x'.repeat(2001) })).statusCode).toBe(400)
    expect((await post('branch', base.ids['C-0001']!, { kind: 'other', body: 'x', extra: 1 })).statusCode).toBe(400)
    expect((await post('branch', 999999, { kind: 'other', body: 'x' })).statusCode).toBe(404)
    expect((await post('analyst', base.ids['C-0001']!, { kind: 'other', body: 'x' })).statusCode).toBe(403)
  })
})

describe('GET /api/clients/export', () => {
  const csvRows = (body: string, delimiter: string) => parse(body, { delimiter, bom: true }) as string[][]

  it('exports CSV in English: all matching rows, header first, BOM for Excel', async () => {
    const response = await get('program_economist', '/api/clients/export?format=csv&q=иван&sort=fullName&limit=1')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/csv/)
    expect(response.headers['content-disposition']).toBe('attachment; filename="clients-2026-03-02.csv"')
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const rows = csvRows(response.body, ',')
    expect(rows[0]).toEqual(['Bank id', 'Full name', 'Birth date', 'Gender', 'Phone', 'Email', 'Segment', 'VIP', 'Status', 'Branch code', 'Branch', 'Region code', 'Region', 'Client since', 'Monthly income'])
    expect(rows.slice(1).map((r) => r[0])).toEqual(['C-0001', 'C-0002', 'C-0003', 'C-0004'])
    expect(rows[1]).toEqual(['C-0001', 'Иванов Иван Петрович', '1980-05-17', '', '79123456789', 'ivanov@mail.ru', 'Mass', 'no', 'Active', 'MSK', 'ЦБУ «Тверская»', '77', 'Москва', '2015-03-01', '85000.50'])
  })

  it('exports CSV in Russian, masked for the analyst', async () => {
    const response = await get('analyst', '/api/clients/export?format=csv&lang=ru&branch=MSK')
    const rows = csvRows(response.body, ';')
    expect(rows[0]!.slice(0, 3)).toEqual(['Идентификатор в банке', 'ФИО', 'Дата рождения'])
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['C-0001', 'Иванов Иван Петрович', '17.05.1980', '', '7******89', 'i***@***'],
      ['C-0003', 'Сидоров Пётр Иванович', '31.12.1990', '', '7******01', ''],
    ])
    expect(rows[1]![14]).toBe('85000,50')
    // The region by its name, beside its code: «Москва», not only «77».
    expect(rows[0]!.slice(11, 13)).toEqual(['Код региона', 'Регион'])
    expect(rows[1]!.slice(11, 13)).toEqual(['77', 'Москва'])
    // Coded values in words, like «да»: no «mass» or «active» in a Russian file.
    expect(rows[1]!.slice(6, 9)).toEqual(['Массовый', 'нет', 'Активный'])
  })

  it('exports XLSX with real dates and numbers, masked for the role', async () => {
    const response = await get('analyst', '/api/clients/export?format=xlsx&lang=ru&vip=true')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toMatch(/clients-2026-03-02\.xlsx/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Клиенты')!
    expect(sheet.rowCount).toBe(2)
    expect(sheet.getRow(1).getCell(2).value).toBe('ФИО')
    const row = sheet.getRow(2)
    expect(row.getCell(1).value).toBe('C-0002')
    expect(row.getCell(3).value).toEqual(new Date('1975-01-02T00:00:00Z'))
    expect(row.getCell(5).value).toBe('7******33')
    expect(row.getCell(6).value).toBe('p***@***')
    expect(row.getCell(8).value).toBe('да')
    expect(row.getCell(15).value).toBe(420000)
    expect(row.getCell(13).value).toBe('Свердловская область')
  })

  it('writes a client.export audit event with the filter as typed and the row count, not the rows', async () => {
    await get('head', `/api/clients/export?format=xlsx&q=${encodeURIComponent('+7 912 3456789')}&segment=mass`)
    const event = (await auditEvents('client.export')).at(-1)!
    expect(event).toMatchObject({ login: 'head', details: { format: 'xlsx', lang: 'en', rowCount: 1, filter: { q: '+7 912 3456789', segment: 'mass' } } })
    expect(JSON.stringify(event.details)).not.toContain('Иванов')
  })

  it('refuses the front line (403) and bad formats (400)', async () => {
    expect((await get('operator', '/api/clients/export?format=csv')).statusCode).toBe(403)
    expect((await get('branch', '/api/clients/export?format=csv')).statusCode).toBe(403)
    expect((await get('head', '/api/clients/export?format=pdf')).statusCode).toBe(400)
    expect((await get('head', '/api/clients/export?lang=de')).statusCode).toBe(400)
  })
})

describe('OpenAPI', () => {
  it('describes the client routes', async () => {
    const response = await get('analyst', '/api/docs/json')
    expect(response.statusCode).toBe(200)
    expect(Object.keys(response.json().paths)).toEqual(expect.arrayContaining(['/api/clients', '/api/clients/{id}', '/api/clients/export']))
  })
})
