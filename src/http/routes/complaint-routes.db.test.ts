import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { COMPLAINT_STATUSES } from '../../contract/complaint-statuses.ts'
import { isComplaintOverdue } from '../../core/complaint/is-complaint-overdue.ts'
import { complaintOverdueSql } from '../../core/complaint/complaint-overdue-sql.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, createTestUser } from '../../../test/build-test-server.ts'

// The complaints register over HTTP (issue 10, item 1): registration with its SLA in working days
// and its routed owner, the register with the overdue ones first and escalated, the table of moves
// (409 naming the allowed ones), the policy's open/closed kept in step, the analysis, the settings.
// Today is Thursday 3 December 2026, noon in Moscow; due dates counted by hand from the calendar.
let now = new Date('2026-12-03T09:00:00Z')
const db = await openTestDatabase()
const app = await buildTestServer(db, () => now)
const k = db.kysely
const [b1, b2] = (await sql<{ id: number }>`INSERT INTO branches (code, name, region_code) VALUES ('Q-1', 'ЦБУ «Арбат»', '77'), ('Q-2', 'ЦБУ «Уралмаш»', '66') RETURNING id`.execute(k)).rows.map((r) => r.id) as [number, number]
const economist = await createTestUser(db, 'client_economist', 'economist', b1)
await createTestUser(db, 'client_economist', 'economist2', b2)
for (const role of ['head', 'branch', 'analyst', 'marketer', 'admin'] as const) await createTestUser(db, role, role, role === 'branch' ? b1 : null)
const [c1, c2, c3] = (await sql<{ id: number }>`INSERT INTO clients (bank_id, full_name, phone, branch_id) VALUES
  ('Q1', 'Петрова Анна Сергеевна', '79120000001', ${b1}), ('Q2', 'Иванов Пётр Ильич', '79120000002', ${b2}), ('Q3', 'Орлова Вера', null, NULL) RETURNING id`.execute(k)).rows.map((r) => r.id) as [number, number, number]
await k.insertInto('products').values({ code: 'Q-CARD', type: 'debit_card', name: 'Дебетовая карта «Мир»' }).execute()

const cookies: Record<string, string> = {}
/** Signs everyone in at the test's `now` (a session lasts 12 hours: the test moves the clock by days). */
async function signIn(at: string): Promise<void> {
  now = new Date(at)
  for (const login of ['economist', 'head', 'branch', 'analyst', 'marketer', 'admin']) {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'pw' } })
    cookies[login] = `otklik_session=${response.cookies.find((c) => c.name === 'otklik_session')!.value}`
  }
}
await signIn(now.toISOString())
const call = (method: 'GET' | 'POST' | 'PUT', url: string, login: string, payload?: object) => app.inject({ method, url, headers: { cookie: cookies[login]! }, ...(payload && { payload }) })
const register = async (body: object, login = 'economist') => {
  const response = await call('POST', '/api/complaints', login, body)
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as { id: number; slaDueOn: string; slaWorkingDays: number; ownerId: number | null; status: string; overdue: boolean; phone: string | null }
}
const move = (id: number, body: object, login = 'economist') => call('POST', `/api/complaints/${id}/moves`, login, body)

afterAll(async () => {
  await app.close()
  await db.close()
})

// A: a card fraud at the branch today, 3 working days (migration 0030): Fri 4, Mon 7, Tue 8 December.
const a = await register({ clientId: c1, category: 'cards.fraud', channel: 'branch', severity: 'high', subject: 'Списание без моего ведома', productCode: 'Q-CARD' })
// B: a letter about fees received Monday 2 November, 15 working days over Unity Day (4 November): 24 November.
const b = await register({ clientId: c1, category: 'fees', channel: 'letter', subject: 'Комиссия за обслуживание', receivedAt: '2026-11-02T10:00:00+03:00' })
// C: a regulator's referral on Friday 20 November, 5 working days: 27 November.
const c = await register({ clientId: c2, category: 'loans.terms', channel: 'regulator', subject: 'Запрос Банка России', receivedAt: '2026-11-20T15:00:00+03:00' })
// D: the same client as C again 11 days later: a repeat complaint.
const d = await register({ clientId: c2, category: 'fees.commission', channel: 'web', subject: 'Снова комиссия', receivedAt: '2026-12-01T10:00:00+03:00' }, 'branch')

describe('POST /api/complaints', () => {
  it('counts the SLA in working days per category and channel and routes the owner to the branch\'s client economist', () => {
    expect([a, b, c, d].map((q) => [q.slaWorkingDays, q.slaDueOn])).toEqual([[3, '2026-12-08'], [15, '2026-11-24'], [5, '2026-11-27'], [15, '2026-12-22']])
    expect(a).toMatchObject({ ownerId: economist, status: 'registered', overdue: false })
    expect(b.overdue).toBe(true)
    // Branch staff have no clearance for phones (core/clearance.ts).
    expect(d.phone).toMatch(/\*/)
  })

  it('refuses a complaint without a client or a category, naming the field, and one for a client the bank has not', async () => {
    for (const [body, field] of [[{ category: 'fees', channel: 'web', subject: 's' }, 'clientId'], [{ clientId: c1, channel: 'web', subject: 's' }, 'category'], [{ clientId: c1, category: 'fees.nothing', channel: 'web', subject: 's' }, 'category']] as const) {
      const response = await call('POST', '/api/complaints', 'economist', body)
      expect(response.statusCode).toBe(400)
      expect(response.json().details).toMatchObject({ code: 'request.invalid', field })
    }
    const unknown = await call('POST', '/api/complaints', 'economist', { clientId: 999999, category: 'fees', channel: 'web', subject: 's' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().details).toEqual({ code: 'complaint.unknown_client', field: 'clientId', value: 999999 })
    expect((await call('POST', '/api/complaints', 'marketer', { clientId: c1, category: 'fees', channel: 'web', subject: 's' })).statusCode).toBe(403)
  })
})

describe('GET /api/complaints', () => {
  it('lists the overdue complaints first, longest overdue first, and escalates each once with an audit event', async () => {
    const all = (await call('GET', '/api/complaints', 'economist')).json() as { today: string; items: { id: number; overdue: boolean; escalatedAt: string | null }[] }
    expect(all.today).toBe('2026-12-03')
    expect(all.items.map((q) => q.id)).toEqual([b.id, c.id, a.id, d.id])
    expect(all.items.map((q) => q.escalatedAt !== null)).toEqual([true, true, false, false])
    const overdue = (await call('GET', '/api/complaints?overdue=true', 'head')).json() as { items: { id: number; overdue: boolean }[] }
    expect(overdue.items.map((q) => [q.id, q.overdue])).toEqual([[b.id, true], [c.id, true]])
    const escalations = await k.selectFrom('audit_events').select('details').where('action', '=', 'complaint.escalate').execute()
    expect(escalations.map((e) => (e.details as { complaint: number }).complaint).sort()).toEqual([b.id, c.id].sort())
    const detail = (await call('GET', `/api/complaints/${b.id}`, 'economist')).json() as { moves: { kind: string; login: string }[] }
    expect(detail.moves.map((m) => [m.kind, m.login])).toEqual([['registration', 'economist'], ['escalation', 'system']])
  })

  it('filters by status, category (a top one with its leaves), branch and client', async () => {
    const ids = async (query: string) => ((await call('GET', `/api/complaints?${query}`, 'economist')).json() as { items: { id: number }[] }).items.map((q) => q.id)
    expect(await ids('category=fees')).toEqual([b.id, d.id])
    expect(await ids(`branch=${b2}`)).toEqual([c.id, d.id])
    expect(await ids(`client=${c1}&overdue=false`)).toEqual([a.id])
    expect(await ids('status=resolved')).toEqual([])
    expect((await call('GET', '/api/complaints', 'analyst')).statusCode).toBe(403)
  })
})

describe('POST /api/complaints/:id/moves', () => {
  it('refuses a move outside the table with 409 naming the moves allowed', async () => {
    const response = await move(d.id, { to: 'awaiting_client' })
    expect(response.statusCode).toBe(409)
    expect(response.json().details).toEqual({ code: 'complaint.move_not_allowed', status: 'registered', to: 'awaiting_client', allowed: 'in_progress, resolved' })
  })

  it('resolves with the resolution, root cause and exact compensation, closes, and reopens: the policy\'s open/closed follows', async () => {
    expect((await move(d.id, { to: 'in_progress', note: 'Взяла в работу' })).statusCode).toBe(200)
    const bare = await move(d.id, { to: 'resolved' })
    expect(bare.statusCode).toBe(400)
    expect(bare.json().details).toEqual({ code: 'complaint.resolution_required', field: 'resolution' })
    await signIn('2026-12-04T09:00:00Z')
    const resolved = (await move(d.id, { to: 'resolved', resolution: 'Комиссия возвращена', rootCause: 'product_terms', compensation: '149.90' })).json()
    expect(resolved).toMatchObject({ status: 'resolved', compensation: '149.90', rootCause: 'product_terms', closedAt: now.toISOString(), allowedMoves: ['closed', 'in_progress'] })
    const policyStatus = async () => (await k.selectFrom('complaints').select(['status', 'closed_at']).where('id', '=', d.id).executeTakeFirstOrThrow())
    expect(await policyStatus()).toEqual({ status: 'closed', closed_at: now })
    await signIn('2026-12-05T09:00:00Z')
    expect((await move(d.id, { to: 'closed' })).json()).toMatchObject({ status: 'closed', closedAt: '2026-12-04T09:00:00.000Z' })
    const reopened = (await move(d.id, { to: 'in_progress', note: 'Клиент вернулся' })).json() as { status: string; closedAt: string | null; moves: { from: string | null; to: string }[] }
    expect(reopened).toMatchObject({ status: 'in_progress', closedAt: null })
    expect(reopened.moves.map((m) => `${m.from}>${m.to}`)).toEqual(['null>registered', 'registered>in_progress', 'in_progress>resolved', 'resolved>closed', 'closed>in_progress'])
    expect((await policyStatus()).status).toBe('open')
    expect(await k.selectFrom('audit_events').select('login').where('action', '=', 'complaint.move').execute()).toHaveLength(4)
  })
})

describe('GET /api/complaints/analysis', () => {
  it('counts by category, product, branch, channel and month, with the median time to resolve, the share within SLA and repeats', async () => {
    // A is resolved two days after it came, within its SLA (due 8 December).
    await signIn('2026-12-05T09:00:00Z')
    await move(a.id, { to: 'resolved', resolution: 'Карта перевыпущена, деньги возвращены', rootCause: 'third_party', compensation: '0' })
    const analysis = (await call('GET', '/api/complaints/analysis', 'analyst')).json()
    expect(analysis).toMatchObject({ from: '2025-10-01', to: '2026-12-05' })
    expect(analysis.total).toEqual({ key: null, count: 4, resolved: 1, resolvedWithinSlaShare: 1, medianDaysToResolve: 2, repeats: 1 })
    const counts = (groups: { key: string | null; count: number }[]) => Object.fromEntries(groups.map((g) => [g.key ?? '-', g.count]))
    expect(counts(analysis.byCategory)).toEqual({ fees: 2, cards: 1, loans: 1 })
    expect(counts(analysis.byProduct)).toEqual({ '-': 2, debit_card: 1, consumer_loan: 1 })
    expect(counts(analysis.byBranch)).toEqual({ 'ЦБУ «Арбат»': 2, 'ЦБУ «Уралмаш»': 2 })
    expect(counts(analysis.byChannel)).toEqual({ branch: 1, letter: 1, regulator: 1, web: 1 })
    expect(analysis.byMonth.map((m: { key: string; count: number; repeats: number }) => [m.key, m.count, m.repeats])).toEqual([['2026-11', 2, 0], ['2026-12', 2, 1]])
    expect(analysis.repeatRule).toMatch(/30 days/)
    expect((await call('GET', '/api/complaints/analysis', 'marketer')).statusCode).toBe(403)
  })
})

describe('/api/complaints/sla', () => {
  it('lets the head set the rules and the calendar, refuses a date that does not exist, and counts new complaints by them', async () => {
    const broken = await call('PUT', '/api/complaints/sla', 'head', { rules: [{ category: '*', channel: '*', workingDays: 2 }], calendar: { daysOff: ['2026-02-30'], workingDays: [] } })
    expect(broken.statusCode).toBe(400)
    expect(broken.json().details).toMatchObject({ code: 'request.invalid', field: 'calendar.daysOff.0' })
    expect((await call('PUT', '/api/complaints/sla', 'economist', { rules: [{ category: '*', channel: '*', workingDays: 2 }], calendar: { daysOff: [], workingDays: [] } })).statusCode).toBe(403)
    const saved = await call('PUT', '/api/complaints/sla', 'head', { rules: [{ category: '*', channel: '*', workingDays: 2 }], calendar: { daysOff: ['2026-12-07'], workingDays: [] } })
    expect(saved.statusCode, saved.body).toBe(200)
    expect((await call('GET', '/api/complaints/sla', 'admin')).json()).toEqual({ rules: [{ category: '*', channel: '*', workingDays: 2 }], calendar: { daysOff: ['2026-12-07'], workingDays: [] } })
    // Saturday 5 December: Monday 7 is a day off by the new calendar, so Tuesday 8 and Wednesday 9.
    const e = await register({ clientId: c3, category: 'other', channel: 'web', subject: 'Не работает сайт' })
    expect(e).toMatchObject({ slaWorkingDays: 2, slaDueOn: '2026-12-09', ownerId: expect.any(Number) })
  })
})

describe('complaintOverdueSql', () => {
  it('agrees with isComplaintOverdue on every status and due date around today', async () => {
    const cases = COMPLAINT_STATUSES.flatMap((status) => [null, '2026-12-04', '2026-12-05', '2026-12-06'].map((due) => ({ status, due })))
    const values = sql.join(cases.map((x) => sql`(${x.status}::text, ${x.due}::date)`))
    const rows = await sql<{ overdue: boolean }>`SELECT ${complaintOverdueSql('2026-12-05')} AS overdue FROM (VALUES ${values}) AS q (workflow_status, sla_due_on)`.execute(k)
    expect(rows.rows.map((r) => r.overdue)).toEqual(cases.map((x) => isComplaintOverdue({ status: x.status, slaDueOn: x.due }, '2026-12-05')))
    expect(rows.rows.filter((r) => r.overdue)).toHaveLength(3)
  })
})
