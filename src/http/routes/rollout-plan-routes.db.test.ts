import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from '../../core/program/business-case-worked-example.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { seedCashLoanProduct } from '../../../test/seed-cash-loan-product.ts'
import { seedClientBase } from '../../../test/seed-client-base.ts'
import { seedPilotWave } from '../../../test/seed-pilot-wave.ts'

let db: Database
let app: App
const cookies = new Map<Role, string>()

// The rollout worked example of core/program/plan-rollout.test.ts through the API: 10 000 clients,
// 10% control, a planned pilot of 1 000 (900 contacted), a call at 60 ₽ and an SMS at 3.50 ₽, the
// call channel's budget 300 000 ₽; 5 operators × 12 calls an hour × 7 hours, half reached.
const PLAN = {
  targetProduct: 'CL_CASH',
  channels: ['call', 'sms'],
  controlShare: 0.1,
  pilotSize: 1_000,
  budget: 700_000,
  businessCase: {
    ...BUSINESS_CASE_WORKED_EXAMPLE_TYPED,
    channelCosts: [
      { channel: 'call', costPerContact: 60, contactsPerClient: 1 },
      { channel: 'sms', costPerContact: 3.5, contactsPerClient: 1 },
    ],
  },
}
const WHAT_IF = { operators: 5, callsPerHour: 12, hoursPerDay: 7, reachRate: 0.5, start: '2026-03-02', maxWaveSize: 1_000, channelBudgets: [{ channel: 'call', budget: 300_000 }] }

beforeAll(async () => {
  db = await openTestDatabase()
  await seedClientBase(db)
  await seedCashLoanProduct(db)
  app = await buildTestServer(db)
  for (const role of ['program_economist', 'head', 'analyst', 'marketer'] as const) cookies.set(role, (await signIn(app, db, role)).cookie)
  const created = await send('program_economist', 'POST', '/api/programs', { code: 'CL-CALL', name: 'Кредит наличными: обзвон', goal: 'cross_sell', ...PLAN })
  expect(created.statusCode).toBe(201)
  expect((await send('program_economist', 'POST', '/api/programs', { code: 'BARE', name: 'Без кейса', goal: 'retention' })).statusCode).toBe(201)
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const send = (who: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => app.inject({ method, url, headers: { cookie: cookies.get(who)! }, ...(payload && { payload }) })
const count = async (table: 'program_rollout_plans' | 'audit_events') => Number((await db.kysely.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

describe('POST /api/programs/:code/rollout-plan (what-if)', () => {
  it('plans the worked example and stores nothing', async () => {
    const [plans, events] = [await count('program_rollout_plans'), await count('audit_events')]
    const response = await send('analyst', 'POST', '/api/programs/CL-CALL/rollout-plan', WHAT_IF)
    expect(response.statusCode).toBe(200)
    const plan = response.json()
    expect(plan).toMatchObject({
      program: 'CL-CALL',
      caseContacted: 9_000,
      pilotContacted: 900,
      clients: 8_100,
      // 700 000 − 50 000 fixed − 900 × 63.50 for the pilot's contacts.
      budgetLeft: 592_850,
      planned: 5_000,
      uncontacted: { capacity: 0, budget: 3_100, end_date: 0, horizon: 0 },
      limitedBy: 'budget',
      budgetLimit: 'call',
      callCapacity: { callsPerDay: 420, clientsPerDay: 210 },
      endReached: '2026-04-03',
      cost: 317_500,
      case: { contacted: 5_900, totalCost: 424_650, npv: 637_964.58, profit: 1_088_700 },
      caseFullReach: { contacted: 9_000, totalCost: 621_500, npv: 999_437.5 },
      inputs: { budget: 700_000, end: null, channelBudgets: [{ channel: 'call', budget: 300_000 }] },
    })
    expect(plan.waves.map((w: { start: string; end: string; cost: number }) => [w.start, w.end, w.cost])).toEqual([
      ['2026-03-02', '2026-03-06', 63_500],
      ['2026-03-06', '2026-03-16', 63_500],
      ['2026-03-16', '2026-03-23', 63_500],
      ['2026-03-23', '2026-03-30', 63_500],
      ['2026-03-30', '2026-04-03', 63_500],
    ])
    expect([await count('program_rollout_plans'), await count('audit_events')]).toEqual([plans, events])
  })

  it('moves the plan and the case with capacity, budget and dates', async () => {
    const noOperators = (await send('head', 'POST', '/api/programs/CL-CALL/rollout-plan', { ...WHAT_IF, operators: 0 })).json()
    expect(noOperators).toMatchObject({ planned: 0, waves: [], limitedBy: 'capacity', uncontacted: { capacity: 8_100 }, case: { contacted: 900 } })
    // A program budget that the fixed costs and the pilot already spend: nothing left for the rollout.
    const poor = (await send('head', 'POST', '/api/programs/CL-CALL/rollout-plan', { ...WHAT_IF, budget: 100_000 })).json()
    expect(poor).toMatchObject({ budgetLeft: 0, planned: 0, limitedBy: 'budget', budgetLimit: 'program' })
    const short = (await send('head', 'POST', '/api/programs/CL-CALL/rollout-plan', { ...WHAT_IF, end: '2026-03-13', channelBudgets: [] })).json()
    expect(short).toMatchObject({ planned: 1_890, limitedBy: 'end_date', uncontacted: { budget: 0, end_date: 6_210 }, endReached: '2026-03-13' })
    expect(short.case.npv).toBeLessThan(noOperators.caseFullReach.npv)
  })

  it.each([
    [{ operators: -1 }, { code: 'rollout.not_whole', field: 'operators' }],
    [{ reachRate: 0 }, { code: 'rollout.not_positive', field: 'reachRate' }],
    [{ reachRate: 1.5 }, { code: 'rollout.not_positive', field: 'reachRate' }],
    [{ end: '2026-03-01' }, { code: 'rollout.end_before_start', field: 'end' }],
    [{ channelBudgets: [{ channel: 'letter', budget: 1 }] }, { code: 'rollout.unknown_channel', field: 'channelBudgets[0].channel' }],
    [{ start: '2026-02-30' }, { code: 'request.invalid', field: 'start' }],
    [{ staff: 3 }, { code: 'request.invalid' }],
  ])('refuses %j with 400 naming the field', async (changes, details) => {
    const response = await send('program_economist', 'POST', '/api/programs/CL-CALL/rollout-plan', { ...WHAT_IF, ...changes })
    expect(response.statusCode).toBe(400)
    expect(response.json().details).toMatchObject(details)
  })

  it('counts the pilot wave’s target as contacted once a pilot wave is built', async () => {
    expect((await send('program_economist', 'POST', '/api/programs', { code: 'CL-PILOT', name: 'С пилотом', goal: 'cross_sell', ...PLAN })).statusCode).toBe(201)
    await seedPilotWave(db, { code: 'CL-PILOT', first: 1, target: 45, control: 5, controlShare: 0.1, builtAt: '2026-02-02T09:00:00Z', createClients: 50 })
    const plan = (await send('head', 'POST', '/api/programs/CL-PILOT/rollout-plan', { ...WHAT_IF, channelBudgets: [] })).json()
    // 9 000 the case contacts − 45 the pilot did; its contacts (45 × 63.50) leave 700 000 − 50 000 − 2 857.50 for the rollout.
    expect(plan).toMatchObject({ pilotContacted: 45, clients: 8_955, budgetLeft: 647_142.5, planned: 8_955, limitedBy: null, case: { contacted: 9_000, npv: 999_437.5 } })
  })

  it('answers 404 for an unknown program and 409 for a case that cannot be computed', async () => {
    expect((await send('head', 'POST', '/api/programs/NOPE/rollout-plan', WHAT_IF)).statusCode).toBe(404)
    const bare = await send('head', 'POST', '/api/programs/BARE/rollout-plan', WHAT_IF)
    expect(bare.statusCode).toBe(409)
    expect(bare.json().details).toEqual({ code: 'case.no_product' })
  })

  it('keeps the money from the marketer', async () => {
    expect((await send('marketer', 'POST', '/api/programs/CL-CALL/rollout-plan', WHAT_IF)).statusCode).toBe(403)
    expect((await send('marketer', 'GET', '/api/programs/CL-CALL/rollout-plan')).statusCode).toBe(403)
  })
})

describe('PUT /api/programs/:code/rollout-plan (the chosen plan)', () => {
  it('saves the plan into the program, audited, and reads it back', async () => {
    expect((await send('head', 'GET', '/api/programs/CL-CALL/rollout-plan')).json()).toEqual({ saved: null })
    const saved = await send('program_economist', 'PUT', '/api/programs/CL-CALL/rollout-plan', WHAT_IF)
    expect(saved.statusCode).toBe(200)
    expect(saved.json().saved).toMatchObject({ planned: 5_000, savedBy: { login: 'program_economist' }, case: { npv: 637_964.58 } })
    const read = (await send('analyst', 'GET', '/api/programs/CL-CALL/rollout-plan')).json()
    expect(read.saved).toEqual(saved.json().saved)
    const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'program.rollout_plan.update').executeTakeFirstOrThrow()
    expect(event).toMatchObject({ login: 'program_economist', entity: 'program', entity_id: 'CL-CALL', details: { planned: 5_000, waves: 5, cost: 317_500, limitedBy: 'budget' } })
  })

  it('replaces the saved plan when the head saves another', async () => {
    const saved = await send('head', 'PUT', '/api/programs/CL-CALL/rollout-plan', { ...WHAT_IF, operators: 10 })
    expect(saved.json().saved).toMatchObject({ inputs: { operators: 10 }, savedBy: { login: 'head' } })
    expect(await count('program_rollout_plans')).toBe(1)
  })

  it('refuses the analyst (403) and bad input (400), saving nothing', async () => {
    const events = await count('audit_events')
    expect((await send('analyst', 'PUT', '/api/programs/CL-CALL/rollout-plan', WHAT_IF)).statusCode).toBe(403)
    const bad = await send('program_economist', 'PUT', '/api/programs/CL-CALL/rollout-plan', { ...WHAT_IF, operators: -3 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().details).toMatchObject({ code: 'rollout.not_whole', field: 'operators' })
    expect((await send('head', 'GET', '/api/programs/CL-CALL/rollout-plan')).json().saved.inputs.operators).toBe(10)
    expect(await count('audit_events')).toBe(events)
  })
})
