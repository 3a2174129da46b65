import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'

// The churn definition, the churned clients and the report over HTTP, on four hand-made clients
// as of 2026-12-04: Анна closed everything on 10 October after a complaint and a competitor's offer
// a branch noted, and said why; Борис's salary card closed on 1 November, his account still open
// and used; Вера is active; Глеб died (his products closed, but that is not churn).
const NOW = new Date('2026-12-04T09:00:00Z')
const db = await openTestDatabase()
const app = await buildTestServer(db, () => NOW)
const analyst = (await signIn(app, db, 'analyst')).cookie
const economist = (await signIn(app, db, 'client_economist')).cookie
const head = (await signIn(app, db, 'head')).cookie
const operator = (await signIn(app, db, 'operator')).cookie
const ids: Record<string, number> = {}

beforeAll(async () => {
  const k = db.kysely
  await k.insertInto('products').values([
    { code: 'DC_SALARY', type: 'debit_card', name: 'Зарплатная карта' },
    { code: 'CA_RUB', type: 'current_account', name: 'Текущий счёт' },
    { code: 'TD_12M', type: 'term_deposit', name: 'Вклад' },
  ]).execute()
  const clients = await k.insertInto('clients').values([
    { bank_id: 'A1', full_name: 'Анна Ушла', phone: '+79120000001', segment: 'mass_affluent', status: 'churned', status_date: '2026-10-10', status_reason: 'Ставки по вкладам выше в другом банке' },
    { bank_id: 'B2', full_name: 'Борис Зарплатов', phone: '+79120000002' },
    { bank_id: 'C3', full_name: 'Вера Осталась', phone: '+79120000003' },
    { bank_id: 'D4', full_name: 'Глеб Умер', status: 'deceased', status_date: '2026-09-01' },
  ]).returning(['id', 'bank_id']).execute()
  for (const c of clients) ids[c.bank_id] = c.id
  await k.insertInto('holdings').values([
    { client_id: ids.A1, account_no: 'a1', product_code: 'TD_12M', opened_at: '2024-01-10', closed_at: '2026-08-20', balance: 0 },
    { client_id: ids.A1, account_no: 'a2', product_code: 'CA_RUB', opened_at: '2024-01-10', closed_at: '2026-10-10', balance: 0 },
    { client_id: ids.B2, account_no: 'b1', product_code: 'DC_SALARY', opened_at: '2024-01-10', closed_at: '2026-11-01', balance: 0 },
    { client_id: ids.B2, account_no: 'b2', product_code: 'CA_RUB', opened_at: '2024-01-10', balance: 100 },
    { client_id: ids.C3, account_no: 'c1', product_code: 'CA_RUB', opened_at: '2024-01-10', balance: 100 },
    { client_id: ids.D4, account_no: 'd1', product_code: 'CA_RUB', opened_at: '2024-01-10', closed_at: '2026-10-01', balance: 0 },
  ]).execute()
  const months = ['2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01']
  await k.insertInto('activity').values([ids.A1, ids.B2, ids.C3].flatMap((id) => months.map((month) => ({
    client_id: id, month, turnover: 1000, transactions: id === ids.A1 && month >= '2026-10-01' ? 0 : 5, card_spend: 0, mobile_logins: 1, branch_visits: 0,
  })))).execute()
  await k.insertInto('complaints').values({ client_id: ids.A1, received_at: '2026-09-01T10:00:00Z' }).execute()
  await k.insertInto('notes').values({ client_id: ids.A1, kind: 'competitor_offer', body: 'Другой банк предложил вклад под 20%', created_at: '2026-09-15T10:00:00Z' }).execute()
})

afterAll(async () => {
  await app.close()
  await db.close()
})

const call = (method: 'GET' | 'PUT', url: string, cookie: string, payload?: object) => app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) })
const DEFINITION = { allProductsClosed: true, inactiveMonths: 3, salaryCardStopped: true, salaryProducts: ['DC_SALARY'], reasonMonths: 6 }

describe('the churn definition', () => {
  it.each([
    ['no criterion on', { ...DEFINITION, allProductsClosed: false, inactiveMonths: null, salaryCardStopped: false }, { code: 'churn.no_criterion', field: 'allProductsClosed' }],
    ['an unknown salary product', { ...DEFINITION, salaryProducts: ['DC_SALARY', 'NOPE'] }, { code: 'churn.unknown_salary_product', field: 'salaryProducts[1]', value: 'NOPE' }],
    ['zero months of inactivity', { ...DEFINITION, inactiveMonths: 0 }, { code: 'request.invalid', field: 'inactiveMonths' }],
    ['a field it does not know', { ...DEFINITION, months: 3 }, { code: 'request.invalid' }],
  ])('refuses %s, naming the field, and keeps the default', async (_name, body, details) => {
    const refused = await call('PUT', '/api/churn/definition', analyst, body)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().details).toMatchObject(details)
    expect((await call('GET', '/api/churn/definition', head)).json().updatedAt).toBeNull()
  })

  it('is set by the head or the analyst only, audited with before and after, and rebuilds the list', async () => {
    expect((await call('PUT', '/api/churn/definition', economist, DEFINITION)).statusCode).toBe(403)
    const saved = await call('PUT', '/api/churn/definition', analyst, { ...DEFINITION, inactiveMonths: null })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ ...DEFINITION, inactiveMonths: null })
    const audit = await db.kysely.selectFrom('audit_events').select(['login', 'details']).where('action', '=', 'settings.churn_definition').executeTakeFirstOrThrow()
    expect(audit).toEqual({ login: 'analyst', details: { before: null, after: { ...DEFINITION, inactiveMonths: null } } })
  })
})

describe('the churned clients and the report', () => {
  it('lists who left with the criteria met and the reasons the bank knows, the latest first', async () => {
    const list = (await call('GET', '/api/churn/clients', economist)).json()
    expect(list.total).toBe(2)
    expect(list.items.map((c: { bankId: string }) => c.bankId)).toEqual(['B2', 'A1'])
    expect(list.items[1]).toMatchObject({
      fullName: 'Анна Ушла', phone: '+79120000001', churnedOn: '2026-10-10', criteria: ['all_products_closed'],
      signals: ['complaint', 'competitor_offer', 'stated_reason'], complaints: 1, competitorNotes: ['Другой банк предложил вклад под 20%'],
      productsClosed: ['CA_RUB', 'TD_12M'], statedReason: 'Ставки по вкладам выше в другом банке',
    })
    expect(list.items[0]).toMatchObject({ churnedOn: '2026-11-01', criteria: ['salary_card_stopped'], signals: [] })
    const filtered = (await call('GET', '/api/churn/clients?signal=complaint', economist)).json()
    expect(filtered.items.map((c: { bankId: string }) => c.bankId)).toEqual(['A1'])
  })

  it('masks the phone for a role without clearance and audits every read', async () => {
    const list = (await call('GET', '/api/churn/clients', analyst)).json()
    expect(list.items[1].phone).toBe('+******01')
    const reads = await db.kysely.selectFrom('audit_events').select('login').where('action', '=', 'churn.list').execute()
    expect(reads.map((r) => r.login)).toEqual(['client_economist', 'client_economist', 'analyst'])
  })

  it('counts by criterion, reason, segment and month; the operator may not read it', async () => {
    const report = (await call('GET', '/api/churn/report', head)).json()
    expect(report).toMatchObject({
      total: 2,
      activeClients: 1,
      byCriterion: [{ key: 'all_products_closed', clients: 1 }, { key: 'salary_card_stopped', clients: 1 }],
      bySignal: [{ key: 'competitor_offer', clients: 1 }, { key: 'complaint', clients: 1 }, { key: 'stated_reason', clients: 1 }],
      bySegment: [{ key: 'mass', clients: 1 }, { key: 'mass_affluent', clients: 1 }],
      byMonth: [{ key: '2026-10', clients: 1 }, { key: '2026-11', clients: 1 }],
    })
    expect((await call('GET', '/api/churn/report', operator)).statusCode).toBe(403)
  })

  it('with inactivity on (three months), two idle months are not churn yet; no model before the first is trained', async () => {
    await call('PUT', '/api/churn/definition', head, DEFINITION)
    const list = (await call('GET', '/api/churn/clients?criterion=inactive', head)).json()
    expect(list.items).toEqual([])
    expect((await call('GET', '/api/churn/model', head)).json()).toEqual({ model: null })
  })
})
