import { afterAll, describe, expect, it } from 'vitest'
import { insertCalls } from '../../db/stores/call-log-store.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'

// The call log over HTTP: who reads the analysis and the calls, phones masked for a role without
// clearance, the read of the list audited, periods on the bank's clock (Moscow).
const now = new Date('2026-03-10T09:00:00Z')
const db = await openTestDatabase()
const app = await buildTestServer(db, () => now)
const [c1, c2] = (await db.kysely.insertInto('clients').values([
  { bank_id: 'C1', full_name: 'Иванов Иван', phone: '79123456789' },
  { bank_id: 'C2', full_name: 'Петрова Анна', phone: '79161112233' },
]).returning('id').execute()).map((r) => Number(r.id)) as [number, number]
const call = { direction: 'inbound' as const, reason: 'card', durationSeconds: 120, outcome: 'resolved' as const, operator: 'Иванова О.С.' }
await insertCalls(db.kysely, [
  { ...call, clientId: c1, phone: '79123456789', startedAt: new Date('2026-03-02T10:00:00+03:00'), outcome: 'callback' },
  { ...call, clientId: c1, phone: '79123456789', startedAt: new Date('2026-03-05T10:00:00+03:00'), durationSeconds: 300 },
  { ...call, clientId: c2, phone: '79161112233', startedAt: new Date('2026-03-08T23:30:00+03:00'), reason: 'Бонусы', durationSeconds: 60 },
  // The next bank day (9 March), though still 8 March in UTC: outside the period asked for.
  { ...call, clientId: c2, phone: '79161112233', startedAt: new Date('2026-03-09T00:30:00+03:00'), direction: 'outbound' },
])
const cookies = Object.fromEntries(await Promise.all((['client_economist', 'analyst', 'head', 'marketer', 'operator', 'admin'] as const).map(async (role) => [role, (await signIn(app, db, role)).cookie])))
const get = (url: string, role: keyof typeof cookies) => app.inject({ method: 'GET', url, headers: { cookie: cookies[role]! } })

afterAll(async () => {
  await app.close()
  await db.close()
})

describe('GET /api/calls/analysis', () => {
  it('counts the period on the bank clock with first-call resolution over inbound calls', async () => {
    const response = await get('/api/calls/analysis?from=2026-03-02&to=2026-03-08', 'client_economist')
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ from: '2026-03-02', to: '2026-03-08', timeZone: 'Europe/Moscow' })
    expect(body.totals).toEqual({ calls: 3, inbound: 3, outbound: 0, clients: 2, medianSeconds: 120, p90Seconds: 264 })
    // The first call of C1 was repeated three days later; C2's next call is the bank's own.
    expect(body.firstCallResolution).toEqual({ inbound: 3, repeated: 1, share: 2 / 3 })
    expect(body.byReason.map((r: { reason: string; calls: number }) => [r.reason, r.calls])).toEqual([['card', 2], ['Бонусы', 1]])
  })
  it('reads the 30 bank days up to today when no period is given, and refuses a period of years', async () => {
    expect((await get('/api/calls/analysis', 'head')).json()).toMatchObject({ from: '2026-02-09', to: '2026-03-10' })
    const long = await get('/api/calls/analysis?from=2020-01-01&to=2026-03-01', 'head')
    expect(long.statusCode).toBe(400)
    expect(long.json().details).toMatchObject({ code: 'call.period_too_long', max: 460 })
  })
  it.each(['marketer', 'operator', 'admin'] as const)('is not for the %s', async (role) => {
    expect((await get('/api/calls/analysis', role)).statusCode).toBe(403)
    expect((await get('/api/calls', role)).statusCode).toBe(403)
  })
})

describe('GET /api/calls', () => {
  it('lists the calls newest first with their clients, the phones masked for a role without clearance, the read audited', async () => {
    const economist = (await get('/api/calls?from=2026-03-02&to=2026-03-09', 'client_economist')).json()
    expect(economist.total).toBe(4)
    expect(economist.items.map((c: { clientId: number; phone: string; repeated: boolean }) => [c.clientId, c.phone, c.repeated])).toEqual([
      [c2, '79161112233', false], [c2, '79161112233', false], [c1, '79123456789', false], [c1, '79123456789', true],
    ])
    const analyst = (await get('/api/calls?from=2026-03-02&to=2026-03-09&repeated=true', 'analyst')).json()
    expect(analyst.items).toMatchObject([{ clientId: c1, clientName: 'Иванов Иван', phone: '7******89', reason: 'card', outcome: 'callback' }])
    const audit = await db.kysely.selectFrom('audit_events').select(['login', 'action', 'details']).where('action', '=', 'client.list').orderBy('id').execute()
    expect(audit.map((a) => [a.login, a.action, (a.details as { via: string; count: number }).via, (a.details as { count: number }).count])).toEqual([
      ['client_economist', 'client.list', 'calls', 4], ['analyst', 'client.list', 'calls', 1],
    ])
  })
  it('offers the client economist the call log among the imports, with its fields', async () => {
    const fields = (await get('/api/imports/fields?kind=calls', 'client_economist')).json()
    expect(fields.fields.map((f: { name: string }) => f.name)).toEqual(['started_at', 'phone', 'reason', 'duration', 'outcome', 'operator', 'direction'])
  })
})
