import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from '../../core/program/business-case-worked-example.ts'
import { judgeProgramVerdict } from '../../core/program/judge-program-verdict.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { seedPilotWave } from '../../../test/seed-pilot-wave.ts'
import { summarizeValues } from '../../../test/summarize-values.ts'
import reference from './program-verdict-routes.check.json' with { type: 'json' }

// GET /api/programs/:code/verdict over a small pilot built by hand: the worked example's program
// (business-case-worked-example.ts: a cash loan worth 18 010.42 ₽ a product, half of the
// responders take it, one SMS at 3.50 ₽), a pilot wave of 900 in target and 100 in control built
// on 1 March, and responses inside and outside its 30-day window. The numbers must be the core's
// (judgeProgramVerdict) on the same counts.
const NOW = new Date('2026-04-15T12:00:00Z')
const BUILT = '2026-03-01T09:00:00Z'
let db: Database
let app: App
const cookies = new Map<Role, string>()

beforeAll(async () => {
  db = await openTestDatabase()
  app = await buildTestServer(db, () => NOW)
  await db.kysely
    .insertInto('products')
    .values({ code: 'CL_CASH', type: 'consumer_loan', name: 'Кредит наличными', ftp_rate: 0.17, client_rate: 0.26, probability_of_default: 0.06, loss_given_default: 0.55, lifetime_months: 36 })
    .execute()
  for (const role of ['head', 'program_economist', 'analyst', 'marketer', 'manager'] as const) cookies.set(role, (await signIn(app, db, role)).cookie)
  const plan = { targetProduct: 'CL_CASH', channels: ['sms'], controlShare: 0.1, pilotSize: 1000, plannedStart: '2026-03-01', plannedEnd: '2026-06-30', businessCase: BUSINESS_CASE_WORKED_EXAMPLE_TYPED }
  for (const code of ['VERD', 'SRM', 'NOWAVE']) {
    const created = await send('program_economist', `/api/programs`, 'POST', { code, name: code, goal: 'cross_sell', ...plan })
    expect(created.statusCode, created.body).toBe(201)
  }
  // VERD: clients 1–900 in target, 901–1000 in control. SRM: 950 against 50 for a designed 10%.
  const wave = { controlShare: 0.1, builtAt: BUILT }
  const verd = await seedPilotWave(db, { code: 'VERD', first: 1, target: 900, control: 100, ...wave, createClients: 2000 })
  const srm = await seedPilotWave(db, { code: 'SRM', first: 1001, target: 950, control: 50, ...wave })
  // application: 45 of the target (5%) and 3 of the control (3%) within the window;
  await verd.respond('application', range(1, 45), '2026-03-10T10:00:00Z')
  await verd.respond('application', range(901, 3), '2026-03-20T10:00:00Z')
  // a second application of a responder is still one responder; after the window they do not count.
  await verd.respond('application', [1], '2026-03-11T10:00:00Z')
  await verd.respond('application', range(46, 20), '2026-03-31T09:00:00Z')
  // spend: 10 target members spend 1 000 ₽ (two of them twice), 2 control members 500 ₽.
  await verd.respond('spend', range(1, 10), '2026-03-05T10:00:00Z', '1000.00')
  await verd.respond('spend', [1, 2], '2026-03-06T10:00:00Z', '250.50')
  await verd.respond('spend', range(901, 2), '2026-03-05T10:00:00Z', '500.00')
  await srm.respond('application', range(1001, 48), '2026-03-10T10:00:00Z')
  await srm.respond('application', range(1951, 1), '2026-03-10T10:00:00Z')
})
afterAll(async () => {
  await app.close()
  await db.close()
})

function send(who: Role, url: string, method: 'GET' | 'POST' = 'GET', payload?: object) {
  return app.inject({ method, url, headers: { cookie: cookies.get(who)! }, ...(payload && { payload }) })
}
const range = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i)

const ECONOMICS = { conversion: 0.5, valuePerProduct: 1_801_042, channelCosts: [{ costPerContact: 350, contactsPerClient: 1 }] }

describe('GET /api/programs/:code/verdict', () => {
  it('judges the pilot’s responses in the window as the core does on the same counts', async () => {
    const response = await send('head', '/api/programs/VERD/verdict')
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    const caseBody = (await send('head', '/api/programs/VERD/case')).json()
    const spend = (values: number[], n: number) => {
      const { mean, variance } = summarizeValues([...values, ...Array<number>(n - values.length).fill(0)])
      return { n, mean, variance }
    }
    const expected = judgeProgramVerdict({
      members: { target: 900, control: 100 },
      controlShare: 0.1,
      responses: [
        { type: 'application', responders: { target: 45, control: 3 } },
        { type: 'spend', responders: { target: 10, control: 2 }, values: { target: spend([1250.5, 1250.5, ...Array<number>(8).fill(1000)], 900), control: spend([500, 500], 100) } },
      ],
      economics: { ...ECONOMICS, breakEvenUplift: caseBody.breakEvenUplift },
      srmExplained: false,
    })
    expect(body).toMatchObject({
      program: 'VERD',
      wave: { builtAt: '2026-03-01T09:00:00.000Z', controlShare: 0.1, target: 900, control: 100 },
      window: { days: 30, from: '2026-03-01T09:00:00.000Z', until: '2026-03-31T09:00:00.000Z', closed: true },
      srm: { p: 1, blocked: false, explained: false, explanation: null },
      waveCost: 3150,
      economics: { conversion: 0.5, valuePerProduct: 18_010.42 },
    })
    expect(body.responses.map((r: { type: string }) => r.type)).toEqual(['application', 'spend'])
    const [application, spent] = body.responses
    const [core, coreSpend] = expected.responses
    expect(application).toMatchObject({ arms: core!.arms, uplift: core!.uplift, ci: core!.ci, p: core!.p, test: core!.test, pAdjusted: core!.pAdjusted, recommendation: core!.recommendation })
    // 0.02 × 900 = 18 responders, 9 loans: 9 × 18 010.42 − 3 150 = 158 943.78 ₽.
    expect(application.incrementalProfit.estimate).toBe(158_943.78)
    expect(application.incrementalProfit.ci).toEqual(core!.incrementalProfit.ci.map((k) => k / 100))
    expect(spent.values.welch.difference).toBeCloseTo(coreSpend!.values!.welch.difference, 9)
    expect(spent.values.welch.ci[0]).toBeCloseTo(coreSpend!.values!.welch.ci[0], 9)
    expect(spent.recommendation).toBe(coreSpend!.recommendation)
  })

  it('flags a split far from the design and blocks the recommendation', async () => {
    const body = (await send('program_economist', '/api/programs/SRM/verdict')).json()
    // χ² = 50²/900 + 50²/100 = 27.78 on one degree of freedom.
    expect(body.srm.chi2).toBeCloseTo(27.7778, 4)
    expect(body.srm).toMatchObject({ blocked: true, explained: false })
    expect(body.srm.p).toBeLessThan(0.001)
    expect(body.responses[0]).toMatchObject({ type: 'application', recommendation: 'blocked', reason: { code: 'verdict.blocked_srm' } })
  })

  it('answers the head, the economists and the analyst only; 404 for an unknown program, 409 without a pilot wave', async () => {
    expect((await send('analyst', '/api/programs/VERD/verdict')).statusCode).toBe(200)
    for (const role of ['marketer', 'manager'] as const) expect((await send(role, '/api/programs/VERD/verdict')).statusCode).toBe(403)
    const unknown = await send('head', '/api/programs/NOPE/verdict')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().details).toEqual({ code: 'program.not_found', id: 'NOPE' })
    const noWave = await send('head', '/api/programs/NOWAVE/verdict')
    expect(noWave.statusCode).toBe(409)
    expect(noWave.json().details).toEqual({ code: 'verdict.no_pilot_wave', program: 'NOWAVE' })
  })
})

describe('GET /api/program-returns', () => {
  it('lists which programs paid: the priced verdicts by profit, with the plan on the same wave, then the unpriced results', async () => {
    // NOCASE: no business case, so no verdict: its results, unpriced. Visits of 90 of 900 (10%) against 5 of 100 (5%).
    expect((await send('program_economist', '/api/programs', 'POST', { code: 'NOCASE', name: 'NOCASE', goal: 'cross_sell', channels: ['sms'] })).statusCode).toBe(201)
    const nocase = await seedPilotWave(db, { code: 'NOCASE', first: 1, target: 900, control: 100, controlShare: 0.1, builtAt: BUILT })
    await nocase.respond('visit', range(1, 90), '2026-03-10T10:00:00Z')
    await nocase.respond('visit', range(901, 5), '2026-03-10T10:00:00Z')
    const response = await send('head', '/api/program-returns')
    expect(response.statusCode, response.body).toBe(200)
    const { items, withoutWaves } = response.json()
    expect(withoutWaves).toBe(1)
    expect(items.map((r: { program: string }) => r.program)).toEqual(['SRM', 'VERD', 'NOCASE'])
    const [srm, verd, unpriced] = items
    // VERD, by hand: application 5% against 3%, +2 pp × 900 = 18 responders, × ½ = 9 loans × 18 010.42 ₽ =
    // 162 093.78 ₽ of revenue; 900 SMS × 3.50 ₽ = 3 150 ₽; profit 158 943.78 ₽ — the verdict's own line.
    const verdict = (await send('head', '/api/programs/VERD/verdict')).json().responses.find((r: { type: string }) => r.type === 'application')
    expect(verd).toMatchObject({ basis: 'verdict', response: 'application', target: 900, control: 100, cost: 3150, recommendation: verdict.recommendation, windowClosed: true })
    expect(verd.incrementalResponders.estimate).toBeCloseTo(18, 9)
    expect(verd.incrementalRevenue.estimate).toBe(162_093.78)
    expect(verd.incrementalProfit).toEqual(verdict.incrementalProfit)
    expect(verd.incrementalRevenue.ci).toEqual(verdict.incrementalProfit.ci.map((v: number) => Math.round((v + 3150) * 100) / 100))
    // The plan: the case's uplift on the same 900, priced by the same line.
    const plannedUplift = (await send('head', '/api/programs/VERD/case')).json().uplift
    expect(verd.plan.uplift).toBe(plannedUplift)
    expect(verd.plan.incrementalProfit).toBeCloseTo(plannedUplift * 900 * 0.5 * 18_010.42 - 3150, 1)
    expect(srm).toMatchObject({ basis: 'verdict', recommendation: 'blocked' })
    expect(srm.incrementalProfit.estimate).toBeGreaterThan(verd.incrementalProfit.estimate)
    expect(unpriced).toMatchObject({ basis: 'results', arm: `wave ${nocase.waveId}`, response: 'visit', target: 900, control: 100, cost: null, incrementalProfit: null, incrementalRevenue: null, plan: null, recommendation: null })
    expect(unpriced.uplift.estimate).toBeCloseTo(0.05, 12)
    expect(unpriced.incrementalResponders.estimate).toBeCloseTo(45, 9)
    for (const role of ['marketer', 'manager'] as const) expect((await send(role, '/api/program-returns')).statusCode).toBe(403)
  })
})

describe('GET /api/programs/:code/verdict?cuped=true&monitoring=always_valid (program-verdict-routes.check.py)', () => {
  beforeAll(async () => {
    // Card spend of VERD's members in February, the month before the wave's: ((37 n) mod 50) × 2 ₽
    // plus 0.8 of what the member spends in the window; January and March do not count.
    await sql`
      WITH m AS (SELECT id, substr(bank_id, 3)::int AS n FROM clients WHERE bank_id LIKE 'V-%' AND substr(bank_id, 3)::int <= 1000),
      s AS (SELECT id, n, CASE WHEN n <= 2 THEN 1250.5 WHEN n <= 10 THEN 1000 WHEN n IN (901, 902) THEN 500 ELSE 0 END AS spend FROM m)
      INSERT INTO activity (client_id, month, card_spend, turnover)
      SELECT id, DATE '2026-02-01', ((37 * n) % 50) * 2 + 0.8 * spend, 0 FROM s
      UNION ALL SELECT id, DATE '2026-01-01', 99999, 0 FROM s
      UNION ALL SELECT id, DATE '2026-03-01', 77777, 0 FROM s
    `.execute(db.kysely)
  })

  it('narrows the spend’s interval with the members’ card spend of the month before, as numpy and statsmodels do on the raw values', async () => {
    const response = await send('head', '/api/programs/VERD/verdict?cuped=true')
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json()
    expect(body.options).toEqual({ cuped: { preperiod: { from: '2026-02-01', until: '2026-03-01', months: 1 }, covariates: { spend: 'card_spend', balance: 'turnover' } }, monitoring: 'fixed', planned: null })
    const spend = body.responses.find((r: { type: string }) => r.type === 'spend')
    const want = reference.cuped_spend
    expect(spend.values.cuped.theta).toBeCloseTo(want.theta, 9)
    expect(spend.values.cuped.adjusted.difference).toBeCloseTo(want.difference, 9)
    expect(spend.values.cuped.adjusted.ci[0]).toBeCloseTo(want.ci[0]!, 8)
    expect(spend.values.cuped.adjusted.ci[1]).toBeCloseTo(want.ci[1]!, 8)
    expect(spend.values.welch.ci[0]).toBeCloseTo(want.unadjusted_ci[0]!, 8)
    expect(spend.values.cuped.varianceReduction).toBeCloseTo(want.variance_reduction, 9)
    expect(spend.values.cuped.widthRatio).toBeCloseTo(want.width_ratio, 9)
    // The responders' rates are not values: no CUPED there, and the plain verdict has none.
    expect(body.responses.find((r: { type: string }) => r.type === 'application').values).toBeUndefined()
    expect((await send('head', '/api/programs/VERD/verdict')).json().responses[1].values.cuped).toBeUndefined()
  })

  it('gives the always-valid interval, priced, and the recommendation reads it', async () => {
    const body = (await send('head', '/api/programs/VERD/verdict?monitoring=always_valid')).json()
    expect(body.options).toEqual({ cuped: null, monitoring: 'always_valid', planned: { target: 900, control: 100, baseline: 0.03 } })
    const application = body.responses[0]
    const want = reference.always_valid_application
    expect(application.alwaysValid.ci[0]).toBeCloseTo(want.ci[0]!, 10)
    expect(application.alwaysValid.ci[1]).toBeCloseTo(want.ci[1]!, 10)
    expect(application.alwaysValid.p).toBeCloseTo(want.p, 10)
    expect(application.alwaysValid.widthRatio).toBeCloseTo(want.width_ratio, 10)
    expect(application.alwaysValid.incrementalProfit.ci).toEqual(want.profit_ci_kopecks.map((k) => k / 100))
    // The fixed-horizon numbers stay beside it; the rule now reads the wider interval.
    expect(application.ci).toEqual((await send('head', '/api/programs/VERD/verdict')).json().responses[0].ci)
    expect(application).toMatchObject({ recommendation: 'extend', reason: { code: 'verdict.extend', profitLow: want.profit_ci_kopecks[0]! / 100 } })
  })

  it('refuses options it does not know, naming the parameter', async () => {
    for (const [query, field] of [['cuped=yes', 'cuped'], ['monitoring=daily', 'monitoring'], ['peek=1', '']] as const) {
      const refused = await send('head', `/api/programs/VERD/verdict?${query}`)
      expect(refused.statusCode, query).toBe(400)
      if (field) expect(refused.json().details).toMatchObject({ code: 'request.invalid', field })
    }
  })
})

describe('the attribution window', () => {
  it('is the program’s own when its case sets attributionDays, 1 to 365', async () => {
    const patch = (attributionDays: number) => app.inject({ method: 'PATCH', url: '/api/programs/VERD', headers: { cookie: cookies.get('program_economist')! }, payload: { businessCase: { ...BUSINESS_CASE_WORKED_EXAMPLE_TYPED, attributionDays } } })
    const refused = await patch(0)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().details).toMatchObject({ code: 'request.invalid', field: 'businessCase.attributionDays' })
    expect((await patch(31)).statusCode).toBe(200)
    const body = (await send('head', '/api/programs/VERD/verdict')).json()
    // The 20 applications of 31 March now count.
    expect(body.window).toMatchObject({ days: 31, until: '2026-04-01T09:00:00.000Z' })
    expect(body.responses[0].arms.target.responders).toBe(65)
  })
})

describe('deciding on the verdict', () => {
  const move = (who: Role, code: string, to: string) => send(who, `/api/programs/${code}/transition`, 'POST', { to, comment: `→ ${to}` })

  it('holds a rollout until the head explains the mismatch, and records the verdict the decision was taken on', async () => {
    for (const [who, to] of [['program_economist', 'proposed'], ['head', 'approved'], ['program_economist', 'pilot'], ['program_economist', 'evaluated']] as const) {
      const moved = await move(who, 'SRM', to)
      expect(moved.statusCode, moved.body).toBe(200)
    }
    const held = await move('head', 'SRM', 'rollout')
    expect(held.statusCode).toBe(409)
    expect(held.json().details).toMatchObject({ code: 'verdict.srm_unexplained' })

    expect((await send('program_economist', '/api/programs/SRM/verdict/explanation', 'POST', { explanation: 'x' })).statusCode).toBe(403)
    const explained = await send('head', '/api/programs/SRM/verdict/explanation', 'POST', { explanation: 'Пятьдесят клиентов контроля ушли в другую волну при пересборке' })
    expect(explained.statusCode, explained.body).toBe(200)
    expect(explained.json().srm).toMatchObject({ blocked: true, explained: true, explanation: { login: 'head', text: 'Пятьдесят клиентов контроля ушли в другую волну при пересборке' } })
    expect(explained.json().responses[0].recommendation).not.toBe('blocked')
    const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'program.explain_srm').executeTakeFirstOrThrow()
    expect(event).toMatchObject({ login: 'head', entity_id: 'SRM' })

    const verdict = (await send('head', '/api/programs/SRM/verdict')).json()
    const rolled = await move('head', 'SRM', 'rollout')
    expect(rolled.statusCode, rolled.body).toBe(200)
    const decisions = rolled.json().decisions as { from: string; to: string; comment: string; snapshot: Record<string, unknown> }[]
    expect(decisions.map((d) => `${d.from}→${d.to}`)).toEqual(['draft→proposed', 'proposed→approved', 'approved→pilot', 'pilot→evaluated', 'evaluated→evaluated', 'evaluated→rollout'])
    expect(decisions[4]!.snapshot).toEqual({ srmExplanation: { waveId: verdict.wave.id, chi2: verdict.srm.chi2, p: verdict.srm.p } })
    // The numbers the head saw: the same verdict, with the business case beside it.
    expect(decisions[5]!.snapshot.verdict).toEqual(verdict)
    expect(decisions[5]!.snapshot.case).toMatchObject({ breakEvenUplift: verdict.economics.breakEvenUplift })
    expect(decisions[3]!.snapshot.verdict).toMatchObject({ srm: { blocked: true, explained: false } })
    expect(decisions[1]!.snapshot.verdict).toBeUndefined()
  })

  it('refuses to explain a split that matches its design', async () => {
    const refused = await send('head', '/api/programs/VERD/verdict/explanation', 'POST', { explanation: 'нечего' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().details).toEqual({ code: 'verdict.nothing_to_explain', program: 'VERD' })
  })
})
