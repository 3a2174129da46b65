import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { recordAppResponse } from '../../app/lead/record-app-response.ts'
import { isLeadFor } from '../../core/call-centre/route-lead.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, createTestUser } from '../../../test/build-test-server.ts'
import { seedCallWave } from '../../../test/seed-call-wave.ts'

// Leads over HTTP: who sees which (the personal manager, else the branch; the head all), the move
// table, the sale that closes one, notes and follow-up dates, and who may not read them at all.
const now = new Date('2026-12-03T09:00:00Z')
const db = await openTestDatabase()
const app = await buildTestServer(db, () => now)
const wave = await seedCallWave(db, { code: 'LEAD', members: 8 })
const k = db.kysely
const [b1, b2] = (await sql<{ id: number }>`INSERT INTO branches (code, name, region_code) VALUES ('L-1', 'ЦБУ «Арбат»', '77'), ('L-2', 'ЦБУ «Уралмаш»', '66') RETURNING id`.execute(k)).rows.map((r) => r.id)
const users = {
  manager: { id: await createTestUser(db, 'manager', 'manager', b1!), role: 'manager', branchId: b1! },
  manager2: { id: await createTestUser(db, 'manager', 'manager2', b2!), role: 'manager', branchId: b2! },
  branch: { id: await createTestUser(db, 'branch', 'branch', b1!), role: 'branch', branchId: b1! },
  head: { id: await createTestUser(db, 'head'), role: 'head', branchId: null },
}
await createTestUser(db, 'operator')
await createTestUser(db, 'marketer')
await k.insertInto('products').values({ code: 'L-CARD', type: 'credit_card', name: 'Кредитная карта «100 дней»' }).execute()
const [c1, c2, c3] = wave.clientIds.target as [number, number, number]

async function cookieOf(login: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'pw' } })
  return `otklik_session=${response.cookies.find((c) => c.name === 'otklik_session')!.value}`
}
const cookies = Object.fromEntries(await Promise.all(['manager', 'manager2', 'branch', 'head', 'operator', 'marketer'].map(async (login) => [login, await cookieOf(login)])))
const call = (method: 'GET' | 'PATCH' | 'POST', url: string, login: string, payload?: object) => app.inject({ method, url, headers: { cookie: cookies[login]! }, ...(payload && { payload }) })
const place = (clientId: number, personalManagerId: number | null, branchId: number | null) =>
  k.updateTable('clients').set({ personal_manager_id: personalManagerId, branch_id: branchId }).where('id', '=', clientId).execute()

async function interested(clientId: number, ref: string): Promise<boolean> {
  return k.transaction().execute((tx) => recordAppResponse(tx, {
    clientId, programId: wave.programId, waveId: wave.waveId, offerId: null, source: 'call', outcome: 'interested', eventRef: ref, at: now, operatorLogin: 'operator', detail: 'Перезвонить вечером',
  }))
}

await place(c1, users.manager.id, b2!)
await place(c2, null, b1!)
await place(c3, null, b2!)
for (const client of [c1, c2, c3]) await interested(client, `call:${client}`)

afterAll(async () => {
  await app.close()
  await db.close()
})

const leadsOf = async (login: string, query = '') => (await call('GET', `/api/leads${query}`, login)).json() as { id: number; clientId: number; status: string; overdue: boolean; phone: string }[]
const leadOf = async (clientId: number) => (await leadsOf('head')).find((l) => l.clientId === clientId)!

describe('/api/leads', () => {
  it('records each event once: the same call reported twice makes one response and one lead', async () => {
    expect(await interested(c1, `call:${c1}`)).toBe(false)
    expect(await k.selectFrom('responses').select(['type', 'source']).where('client_id', '=', c1).execute()).toEqual([{ type: 'reply', source: 'call' }])
    expect(await k.selectFrom('leads').select('id').where('client_id', '=', c1).execute()).toHaveLength(1)
  })

  it('gives a manager their own clients and their branch\'s unmanaged ones, branch staff their branch\'s, the head all', async () => {
    expect((await leadsOf('manager')).map((l) => l.clientId).sort()).toEqual([c1, c2].sort())
    expect((await leadsOf('manager2')).map((l) => l.clientId)).toEqual([c3])
    expect((await leadsOf('branch')).map((l) => l.clientId)).toEqual([c2])
    expect(await leadsOf('head')).toHaveLength(3)
    // Branch staff have no clearance for phones (core/clearance.ts).
    expect((await leadsOf('branch'))[0]!.phone).toMatch(/\*/)
    expect((await call('GET', '/api/leads', 'operator')).statusCode).toBe(403)
    expect((await call('GET', '/api/leads', 'marketer')).statusCode).toBe(403)
  })

  it('filters by SQL exactly as isLeadFor decides, on random placements of the clients', async () => {
    let seed = 7
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    const managers = [null, users.manager.id, users.manager2.id]
    const branches = [null, b1!, b2!]
    for (let round = 0; round < 4; round++) {
      const placed = new Map<number, { personalManagerId: number | null; branchId: number | null }>()
      for (const client of [c1, c2, c3]) {
        const spot = { personalManagerId: managers[random(3)]!, branchId: branches[random(3)]! }
        placed.set(client, spot)
        await place(client, spot.personalManagerId, spot.branchId)
      }
      for (const [login, viewer] of Object.entries(users)) {
        const expected = [...placed].filter(([, spot]) => isLeadFor(viewer, spot)).map(([client]) => client).sort()
        expect((await leadsOf(login)).map((l) => l.clientId).sort(), `${login}, round ${round}`).toEqual(expected)
      }
    }
    await place(c1, users.manager.id, b2!)
    await place(c2, null, b1!)
    await place(c3, null, b2!)
  })

  it('moves a lead by the table only, naming the moves allowed, and closes it with the sale in exact roubles', async () => {
    const lead = await leadOf(c1)
    const early = await call('PATCH', `/api/leads/${lead.id}`, 'manager', { status: 'won', sale: { product: 'L-CARD', amount: '150000.50', date: '2026-12-03' } })
    expect(early.statusCode).toBe(409)
    expect(early.json().details).toEqual({ code: 'lead.move_not_allowed', status: 'new', to: 'won', allowed: 'in_work, lost' })

    const taken = await call('PATCH', `/api/leads/${lead.id}`, 'manager', { status: 'in_work', nextFollowUp: '2026-12-05' })
    expect(taken.json()).toMatchObject({ status: 'in_work', workedBy: 'manager', nextFollowUp: '2026-12-05', allowedMoves: ['won', 'lost'], overdue: false })
    const noted = await call('POST', `/api/leads/${lead.id}/notes`, 'manager', { text: 'Клиент придёт в пятницу' })
    expect(noted.json().notes).toEqual([expect.objectContaining({ author: 'manager', text: 'Клиент придёт в пятницу' })])

    const noSale = await call('PATCH', `/api/leads/${lead.id}`, 'manager', { status: 'won' })
    expect(noSale.statusCode).toBe(400)
    expect(noSale.json().details).toMatchObject({ code: 'request.invalid', field: 'sale' })
    const unknown = await call('PATCH', `/api/leads/${lead.id}`, 'manager', { status: 'won', sale: { product: 'NOPE', amount: '1.00', date: '2026-12-03' } })
    expect(unknown.json().details).toEqual({ code: 'lead.unknown_product', product: 'NOPE' })
    const won = await call('PATCH', `/api/leads/${lead.id}`, 'manager', { status: 'won', sale: { product: 'L-CARD', amount: '150000.50', date: '2026-12-03' } })
    expect(won.statusCode).toBe(200)
    expect(won.json()).toMatchObject({
      status: 'won', allowedMoves: [], nextFollowUp: null,
      sale: { product: 'L-CARD', productName: 'Кредитная карта «100 дней»', productType: 'credit_card', amount: '150000.50', date: '2026-12-03', holdingId: null },
    })
    const again = await call('PATCH', `/api/leads/${lead.id}`, 'manager', { status: 'lost', lostReason: 'передумал' })
    expect(again.json().details).toEqual({ code: 'lead.move_not_allowed', status: 'won', to: 'lost', allowed: 'none' })

    const moves = await k.selectFrom('audit_events').select(['action', 'details']).where('action', 'in', ['lead.move', 'lead.note']).orderBy('id').execute()
    expect(moves.map((m) => m.action)).toEqual(['lead.move', 'lead.note', 'lead.move'])
    expect(moves[2]!.details).toMatchObject({ lead: lead.id, from: 'in_work', to: 'won', sale: { amount: '150000.50' } })
  })

  it('closes a lead as lost with its reason, and puts an overdue follow-up first', async () => {
    const lead = await leadOf(c2)
    await call('PATCH', `/api/leads/${lead.id}`, 'branch', { status: 'in_work', nextFollowUp: '2026-12-01' })
    // An open lead without a date comes after it (a missing date is not overdue).
    await interested(c2, 'call:later')
    const list = await leadsOf('manager')
    expect(list.map((l) => [l.clientId, l.status, l.overdue])).toEqual([[c2, 'in_work', true], [c2, 'new', false], [c1, 'won', false]])
    expect((await leadsOf('manager', '?status=won')).map((l) => l.clientId)).toEqual([c1])
    const lost = await call('PATCH', `/api/leads/${lead.id}`, 'manager', { status: 'lost', lostReason: 'Уже взял карту в другом банке' })
    expect(lost.json()).toMatchObject({ status: 'lost', lostReason: 'Уже взял карту в другом банке', overdue: false })
  })

  it('keeps another branch\'s manager and the head\'s read-only role away from a lead', async () => {
    const lead = await leadOf(c3)
    const stranger = await call('PATCH', `/api/leads/${lead.id}`, 'manager', { status: 'in_work' })
    expect(stranger.statusCode).toBe(404)
    expect(stranger.json().details).toEqual({ code: 'lead.not_found', lead: lead.id })
    expect((await call('POST', `/api/leads/${lead.id}/notes`, 'manager', { text: 'x' })).statusCode).toBe(404)
    expect((await call('PATCH', `/api/leads/${lead.id}`, 'head', { status: 'in_work' })).statusCode).toBe(403)
    expect((await call('PATCH', `/api/leads/${lead.id}`, 'operator', { status: 'in_work' })).statusCode).toBe(403)
    expect((await leadOf(c3)).status).toBe('new')
  })

  it('counts the sale that closed a lead in the program\'s results and lists the client\'s leads on the card', async () => {
    const results = (await call('GET', `/api/programs/LEAD/results`, 'head')).json()
    expect(results.lead_sales).toEqual({ leads: 4, won: 1, value: '150000.50' })
    const card = (await call('GET', `/api/clients/${c2}`, 'operator')).json()
    expect(card.leads.map((l: { status: string; route: string; workedBy: string | null; sale: unknown }) => [l.status, l.route, l.workedBy, l.sale])).toEqual([['new', 'branch', null, null], ['lost', 'branch', 'Test manager', null]])
    const won = (await call('GET', `/api/clients/${c1}`, 'head')).json().leads
    expect(won).toEqual([expect.objectContaining({ programCode: 'LEAD', status: 'won', route: 'personal_manager', workedBy: 'Test manager', sale: { productName: 'Кредитная карта «100 дней»', amount: '150000.50', date: '2026-12-03' } })])
  })
})
