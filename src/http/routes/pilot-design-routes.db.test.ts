import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from '../../core/program/business-case-worked-example.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { seedCashLoanProduct } from '../../../test/seed-cash-loan-product.ts'
import { seedPilotWave } from '../../../test/seed-pilot-wave.ts'

// POST /api/programs/:code/pilot-design over the business-case worked example (a cash loan,
// business-case-worked-example.ts) with a selection of 100 000. The reference points of issue 7:
// 5% → 6%, α 0.05, power 0.8 → 8,158 per group; with 10% control 41,855 and 4,651. The money is
// core/program/design-program-pilot.check.py's (statsmodels and exact fractions), in roubles.
let db: Database
let app: App
const cookies = new Map<Role, string>()

beforeAll(async () => {
  db = await openTestDatabase()
  app = await buildTestServer(db)
  await seedCashLoanProduct(db)
  for (const role of ['head', 'program_economist', 'marketer'] as const) cookies.set(role, (await signIn(app, db, role)).cookie)
  const plan = { targetProduct: 'CL_CASH', channels: ['sms'], controlShare: 0.1, pilotSize: 50_000 }
  const { audience: _audience, ...caseWithoutAudience } = BUSINESS_CASE_WORKED_EXAMPLE_TYPED
  for (const [code, extra] of [
    ['PD', { ...plan, businessCase: { ...BUSINESS_CASE_WORKED_EXAMPLE_TYPED, audience: 100_000 } }],
    ['SMALL', { ...plan, pilotSize: 10_000, businessCase: BUSINESS_CASE_WORKED_EXAMPLE_TYPED }],
    ['WAVE', { ...plan, businessCase: caseWithoutAudience }],
    ['BARE', {}],
  ] as const) {
    const created = await send('program_economist', '/api/programs', { code, name: code, goal: 'cross_sell', ...extra }, 'POST')
    expect(created.statusCode, created.body).toBe(201)
  }
  await seedPilotWave(db, { code: 'WAVE', first: 1, target: 900, control: 100, controlShare: 0.1, builtAt: '2026-03-01T09:00:00Z', createClients: 1000 })
})
afterAll(async () => {
  await app?.close()
  await db?.close()
})

function send(who: Role, url: string, payload: object, method: 'POST' | 'GET' = 'POST') {
  return app.inject({ method, url, headers: { cookie: cookies.get(who)! }, ...(method === 'POST' && { payload }) })
}
const design = (code: string, body: object, who: Role = 'program_economist') => send(who, `/api/programs/${code}/pilot-design`, body)

describe('POST /api/programs/:code/pilot-design', () => {
  it('sizes a 90/10 pilot at 41,855 + 4,651 and prices what the selection detects', async () => {
    const response = await design('PD', { baseline: 0.05, uplift: 0.01 })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({
      baseline: 0.05, baselineFrom: 'request', uplift: 0.01, upliftFrom: 'request', alpha: 0.05, power: 0.8, controlShare: 0.1,
      required: { target: 41855, control: 4651, total: 46506 },
      selection: { audience: 100_000, audienceFrom: 'case', target: 90_000, control: 10_000, npvAtDetectable: 5_062_593.69 },
      npvAtUplift: 7_739_687.5,
      plannedPilotSize: 50_000,
      warnings: [],
    })
    expect(response.json().selection.detectableUplift).toBeCloseTo(0.006696857475, 11)
  })

  it('sizes an equal split at 8,158 per group', async () => {
    const response = await design('PD', { baseline: 0.05, uplift: 0.01, alpha: 0.05, power: 0.8, controlShare: 0.5 })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().required).toEqual({ target: 8158, control: 8158, total: 16316 })
  })

  it('takes the baseline and the break-even uplift from the case, and warns when the selection and the plan are too small', async () => {
    const caseBody = (await send('head', '/api/programs/SMALL/case', {}, 'GET')).json()
    const response = await design('SMALL', {}, 'head')
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    expect(body).toMatchObject({ baseline: 0.03, baselineFrom: 'case', uplift: caseBody.breakEvenUplift, upliftFrom: 'break_even', controlShare: 0.1 })
    expect(body.selection).toMatchObject({ audience: 10_000, target: 9_000, control: 1_000 })
    expect(body.warnings.map((w: { code: string }) => w.code)).toEqual(['pilot.selection_too_small', 'pilot.over_planned_size'])
    expect(body.warnings[0]).toMatchObject({ requiredTarget: body.required.target, availableTarget: 9_000, availableControl: 1_000 })
    expect(body.warnings[1]).toEqual({ code: 'pilot.over_planned_size', required: body.required.total, planned: 10_000 })
    // At the break-even uplift the program over its selection earns nothing (up to the kopecks rounded).
    expect(Math.abs(body.npvAtUplift)).toBeLessThan(0.05)
  })

  it('reads the audience from the latest wave when the case gives none', async () => {
    const response = await design('WAVE', { baseline: 0.05, uplift: 0.01 })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().selection).toMatchObject({ audience: 1000, audienceFrom: 'wave', target: 900, control: 100 })
    expect(response.json().warnings[0].code).toBe('pilot.selection_too_small')
  })

  it('gives the sizes without money for a program with no case, and asks for what the case cannot default', async () => {
    const response = await design('BARE', { baseline: 0.05, uplift: 0.01, controlShare: 0.5 })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({ required: { target: 8158, control: 8158 }, selection: null, npvAtUplift: null, caseMissing: { code: 'case.no_product' } })
    const noBaseline = await design('BARE', {})
    expect(noBaseline.statusCode).toBe(400)
    expect(noBaseline.json().details).toEqual({ code: 'pilot.no_default', field: 'baseline' })
    expect((await design('BARE', { baseline: 0.05 })).json().details).toEqual({ code: 'pilot.no_default', field: 'uplift' })
  })

  it.each([
    [{ controlShare: 0 }, 'request.invalid', 'controlShare'],
    [{ controlShare: 1 }, 'request.invalid', 'controlShare'],
    [{ baseline: 1.5 }, 'request.invalid', 'baseline'],
    [{ baseline: -0.1 }, 'request.invalid', 'baseline'],
    [{ alpha: 1 }, 'request.invalid', 'alpha'],
    [{ power: 0.3 }, 'stats.low_power', undefined],
    [{ uplift: 0 }, 'stats.zero_uplift', 'uplift'],
    // A size that cannot be met: a millionth of a point needs more than the 10⁹ clients of any bank.
    [{ uplift: 1e-7 }, 'stats.too_large', 'uplift'],
  ])('refuses %o with 400 naming the field', async (change, code, field) => {
    const response = await design('PD', { baseline: 0.05, uplift: 0.01, ...change })
    expect(response.statusCode, response.body).toBe(400)
    expect(response.json().details).toMatchObject({ code, ...(field && { field: expect.stringContaining(field) }) })
  })

  it('is for the readers of the case money, and knows only real programs', async () => {
    expect((await design('PD', {}, 'marketer')).statusCode).toBe(403)
    expect((await design('NOPE', { baseline: 0.05, uplift: 0.01 })).statusCode).toBe(404)
  })
})
