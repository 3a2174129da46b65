import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from '../../core/program/business-case-worked-example.ts'
import { ensureDraftProgram } from '../../db/stores/program-store.ts'
import type { App } from '../build-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, createTestUser, signIn } from '../../../test/build-test-server.ts'
import { seedCashLoanProduct } from '../../../test/seed-cash-loan-product.ts'
import { seedClientBase } from '../../../test/seed-client-base.ts'

let db: Database
let app: App
const cookies = new Map<string, string>()
const ids = new Map<string, number>()

beforeAll(async () => {
  db = await openTestDatabase()
  await seedClientBase(db)
  await seedCashLoanProduct(db)
  app = await buildTestServer(db)
  for (const role of ['program_economist', 'head', 'marketer', 'analyst'] as const) {
    cookies.set(role, (await signIn(app, db, role)).cookie)
    ids.set(role, await createTestUser(db, role))
  }
  // A second head: four eyes needs someone other than the one who changed the plan.
  await createTestUser(db, 'head', 'head2')
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'head2', password: 'pw' } })
  cookies.set('head2', `otklik_session=${login.cookies.find((c) => c.name === 'otklik_session')!.value}`)
})
afterAll(async () => {
  await app.close()
  await db.close()
})

type Who = Role | 'head2'
const send = (who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie: cookies.get(who)! }, ...(payload && { payload }) })
const move = (who: Who, code: string, to: string, comment?: string) => send(who, 'POST', `/api/programs/${code}/transition`, { to, ...(comment && { comment }) })
const count = async (table: 'programs' | 'program_decisions' | 'audit_events') =>
  Number((await db.kysely.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

// The worked example as the economist types it (roubles): NPV 1 539 437.50 ₽.
const CASE = BUSINESS_CASE_WORKED_EXAMPLE_TYPED
const PLAN = { targetProduct: 'CL_CASH', channels: ['sms'], controlShare: 0.1, businessCase: CASE, budget: 81_500 }

describe('the registry', () => {
  it('creates a draft program owned by its creator, audited', async () => {
    const response = await send('program_economist', 'POST', '/api/programs', { code: 'CL-SAL', name: 'Кредит наличными зарплатным', goal: 'cross_sell' })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({
      code: 'CL-SAL',
      status: 'draft',
      goal: 'cross_sell',
      owner: { id: ids.get('program_economist'), login: 'program_economist' },
      channels: [],
      controlShare: 0.1,
      allowedMoves: [{ to: 'proposed', roles: ['program_economist'] }, { to: 'cancelled', roles: ['program_economist', 'head'] }],
      caseMissing: { code: 'case.no_product' },
      decisions: [],
    })
    const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'program.create').executeTakeFirstOrThrow()
    expect(event).toMatchObject({ login: 'program_economist', entity: 'program', entity_id: 'CL-SAL', details: { goal: 'cross_sell' } })
  })

  it('refuses a code a planned program holds (409), and plans a draft a wave created', async () => {
    const taken = await send('program_economist', 'POST', '/api/programs', { code: 'CL-SAL', name: 'Другая', goal: 'retention' })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().details).toEqual({ code: 'program.code_taken', program: 'CL-SAL' })
    // `wave build --program NEW` keeps its contract: a draft program of the code, no goal yet.
    const stub = await ensureDraftProgram(db.kysely, 'FROZEN-1')
    expect(stub).toMatchObject({ status: 'draft', goal: null, name: 'FROZEN-1' })
    const planned = await send('program_economist', 'POST', '/api/programs', { code: 'FROZEN-1', name: 'Удержание вкладчиков', goal: 'retention' })
    expect(planned.statusCode).toBe(201)
    expect(planned.json()).toMatchObject({ code: 'FROZEN-1', name: 'Удержание вкладчиков', goal: 'retention', status: 'draft' })
    const row = await db.kysely.selectFrom('programs').select('seed').where('code', '=', 'FROZEN-1').executeTakeFirstOrThrow()
    expect(row.seed).toBe(stub.seed)
  })

  it.each([
    [{ businessCase: { responseRateTarget: 1.5 } }, 400, { code: 'case.rate_out_of_range', field: 'businessCase.responseRateTarget', value: 1.5 }],
    [{ businessCase: { channelCosts: [{ channel: 'call', costPerContact: -60 }] } }, 400, { code: 'case.negative_amount', field: 'businessCase.channelCosts[0].costPerContact', value: -60 }],
    [{ businessCase: { fixedCosts: 10.001 } }, 400, { code: 'case.not_kopecks', field: 'businessCase.fixedCosts', value: 10.001 }],
    [{ budget: -5 }, 400, { code: 'program.negative_budget', field: 'budget', value: -5 }],
    [{ targetProduct: 'NOPE' }, 400, { code: 'program.unknown_product', field: 'targetProduct', product: 'NOPE' }],
    [{ selectionId: 999 }, 400, { code: 'program.unknown_selection', field: 'selectionId', id: 999 }],
    [{ plannedStart: '2027-03-01', plannedEnd: '2027-02-01' }, 400, { code: 'program.end_before_start', field: 'plannedEnd' }],
    [{ goal: 'profit' }, 400, { code: 'request.invalid', field: 'goal' }],
    [{ controlShare: 1 }, 400, { code: 'request.invalid', field: 'controlShare' }],
    [{ plannedStart: '2027-02-30' }, 400, { code: 'request.invalid', field: 'plannedStart' }],
    [{ businessCase: { margin: 5 } }, 400, { code: 'request.invalid' }],
  ] as const)('refuses %j with %i naming the field, writing nothing', async (change, status, details) => {
    const before = await Promise.all([count('programs'), count('audit_events')])
    const response = await send('program_economist', 'POST', '/api/programs', { code: 'BAD-1', name: 'Плохая', goal: 'cross_sell', ...change })
    expect(response.statusCode).toBe(status)
    expect(response.json().details).toMatchObject(details)
    expect(await Promise.all([count('programs'), count('audit_events')])).toEqual(before)
  })

  it('computes the business case of the worked example, in roubles', async () => {
    expect((await send('program_economist', 'PATCH', '/api/programs/CL-SAL', PLAN)).statusCode).toBe(200)
    const response = await send('program_economist', 'GET', '/api/programs/CL-SAL/case')
    expect(response.statusCode).toBe(200)
    const result = response.json()
    expect(result).toMatchObject({
      program: 'CL-SAL',
      audience: 10_000,
      audienceFrom: 'case',
      product: { code: 'CL_CASH', interestMarginPerYear: 13_500, expectedCreditLossPerYear: 4_950, netPerYear: 8_550, lifetimeYears: 3 },
      contacted: 9000,
      contactCost: 31_500,
      totalCost: 81_500,
      npv: 1_539_437.5,
      profit: 2_227_000,
      paybackYears: expect.closeTo(0.1270955166, 9),
      breakEvenUplift: expect.closeTo(0.0010055909, 9),
    })
    expect(result.tornado[0]).toEqual({ driver: 'responseRateTarget', npvLow: 728_968.75, npvHigh: 2_349_906.25, swing: 1_620_937.5 })
  })

  it('refuses an incomplete case with 409 naming every missing field, and an unknown program with 404', async () => {
    await send('program_economist', 'PATCH', '/api/programs/FROZEN-1', { targetProduct: 'TD12', businessCase: { conversion: 0.3 } })
    const response = await send('head', 'GET', '/api/programs/FROZEN-1/case')
    expect(response.statusCode).toBe(409)
    expect(response.json().details).toEqual({
      code: 'case.missing',
      fields: 'businessCase.audience, businessCase.channelCosts, businessCase.responseRateTarget, businessCase.responseRateControl, businessCase.discountRate, businessCase.horizonYears, businessCase.lifetimeMonths',
    })
    expect((await send('head', 'GET', '/api/programs/NOPE/case')).statusCode).toBe(404)
  })

  it('shows the marketer the program without its money', async () => {
    const response = await send('marketer', 'GET', '/api/programs/CL-SAL')
    expect(response.statusCode).toBe(200)
    expect(response.json()).not.toHaveProperty('case')
    expect((await send('marketer', 'GET', '/api/programs/CL-SAL/case')).statusCode).toBe(403)
    const list = (await send('marketer', 'GET', '/api/programs')).json()
    expect(list.items.find((p: { code: string }) => p.code === 'CL-SAL')).toMatchObject({ npv: null })
  })
})

describe('the lifecycle', () => {
  it('refuses a move the table has not: 409 naming the status and the allowed moves', async () => {
    const response = await move('head', 'CL-SAL', 'approved')
    expect(response.statusCode).toBe(409)
    expect(response.json().details).toEqual({ code: 'program.move_not_allowed', status: 'draft', to: 'approved', allowed: 'proposed, cancelled' })
  })

  it('refuses a role the move is not for (403), and a role without access to moves at all', async () => {
    expect((await move('program_economist', 'CL-SAL', 'proposed', 'Прошу утвердить')).statusCode).toBe(200)
    const response = await move('program_economist', 'CL-SAL', 'approved')
    expect(response.statusCode).toBe(403)
    expect(response.json().details).toEqual({ code: 'program.role_may_not_move', role: 'program_economist', status: 'proposed', to: 'approved', roles: 'head' })
    expect((await move('analyst', 'CL-SAL', 'approved')).statusCode).toBe(403)
  })

  it('records the approval with the numbers it was taken on', async () => {
    const before = await count('program_decisions')
    const response = await move('head', 'CL-SAL', 'approved', 'Одобрено, пилот на 5 000')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'approved', proposedBy: { id: ids.get('program_economist'), login: 'program_economist' } })
    expect(await count('program_decisions')).toBe(before + 1)
    const decision = response.json().decisions.at(-1)
    expect(decision).toMatchObject({ from: 'proposed', to: 'approved', comment: 'Одобрено, пилот на 5 000', author: { login: 'head' }, snapshot: { case: { npv: 1_539_437.5, totalCost: 81_500 } } })
    const event = (await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'program.transition').orderBy('id', 'desc').executeTakeFirstOrThrow())
    expect(event).toMatchObject({ login: 'head', entity_id: 'CL-SAL', details: { from: 'proposed', to: 'approved' } })
  })

  it('blocks approved → pilot until the checklist is met, naming each unmet item', async () => {
    const response = await move('program_economist', 'CL-SAL', 'pilot')
    expect(response.statusCode).toBe(409)
    expect(response.json().details).toEqual({ code: 'program.checklist_unmet', items: 'wave_previewed, pilot_size, dates' })
    expect((await send('program_economist', 'GET', '/api/programs/CL-SAL')).json().status).toBe('approved')
  })

  it('keeps the approval when the name or the dates change', async () => {
    const response = await send('program_economist', 'PATCH', '/api/programs/CL-SAL', { name: 'Кредит наличными: зарплатные клиенты', plannedStart: '2027-02-01', plannedEnd: '2027-04-30', pilotSize: 5000 })
    expect(response.statusCode).toBe(200)
    expect(response.json().status).toBe('approved')
  })

  it('voids the approval when the business case changes, recording what changed', async () => {
    const response = await send('head', 'PATCH', '/api/programs/CL-SAL', { businessCase: { ...CASE, conversion: 0.4 } })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.status).toBe('proposed')
    expect(body.decisions.at(-1)).toMatchObject({
      from: 'approved',
      to: 'proposed',
      author: { login: 'head' },
      changes: [{ field: 'businessCase.conversion', before: 0.5, after: 0.4 }],
    })
    const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'program.update').orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(event.details).toEqual({ changed: ['businessCase.conversion'], approvalVoided: true })
  })

  it('four eyes: whoever changed the plan (now its proposer) cannot approve it; another head can', async () => {
    const refused = await move('head', 'CL-SAL', 'approved')
    expect(refused.statusCode).toBe(409)
    expect(refused.json().details).toEqual({ code: 'program.four_eyes', login: 'head' })
    expect((await move('head2', 'CL-SAL', 'approved')).statusCode).toBe(200)
  })

  it('a PUT that names only the name and goal clears the rest (voiding the approval again)', async () => {
    const response = await send('program_economist', 'PUT', '/api/programs/CL-SAL', { name: 'Кредит наличными', goal: 'cross_sell', ...PLAN })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'proposed', plannedStart: null, pilotSize: null, offer: null })
  })

  it('refuses to change a cancelled program, and leaves no trace of the refused edit', async () => {
    expect((await move('head', 'FROZEN-1', 'cancelled', 'Не нужна')).statusCode).toBe(200)
    const before = await Promise.all([count('program_decisions'), count('audit_events')])
    const response = await send('program_economist', 'PATCH', '/api/programs/FROZEN-1', { name: 'Ещё раз' })
    expect(response.statusCode).toBe(409)
    expect(response.json().details).toEqual({ code: 'program.not_editable', status: 'cancelled' })
    expect(await Promise.all([count('program_decisions'), count('audit_events')])).toEqual(before)
    expect((await move('head', 'FROZEN-1', 'draft')).json().details).toEqual({ code: 'program.move_not_allowed', status: 'cancelled', to: 'draft', allowed: 'none' })
  })
})

describe('the list', () => {
  it('filters by status, goal, owner and period, with key figures', async () => {
    await send('program_economist', 'POST', '/api/programs', { code: 'WB-1', name: 'Возврат ушедших', goal: 'win_back', plannedStart: '2027-06-01', plannedEnd: '2027-07-31' })
    await send('head', 'POST', '/api/programs', { code: 'ACT-1', name: 'Активация карт', goal: 'activation', plannedStart: '2027-01-10', plannedEnd: '2027-01-31' })
    const codes = async (query: string) => (await send('head', 'GET', `/api/programs?${query}`)).json().items.map((p: { code: string }) => p.code).sort()
    expect(await codes('status=cancelled')).toEqual(['FROZEN-1'])
    expect(await codes('goal=win_back')).toEqual(['WB-1'])
    expect(await codes(`owner=${ids.get('head')}`)).toEqual(['ACT-1'])
    expect(await codes('from=2027-05-01&to=2027-12-31')).toEqual(['WB-1'])
    expect(await codes('from=2027-01-01&to=2027-01-15')).toEqual(['ACT-1'])
    expect(await codes('status=&goal=')).toEqual(['ACT-1', 'CL-SAL', 'FROZEN-1', 'WB-1'])
    const list = (await send('head', 'GET', '/api/programs?goal=cross_sell')).json()
    expect(list).toMatchObject({ total: 1, items: [{ code: 'CL-SAL', totalCost: 81_500, budget: 81_500 }] })
    expect((await send('head', 'GET', '/api/programs?status=open')).statusCode).toBe(400)
    // The head's inbox: proposed programs (CL-SAL) and evaluated pilots; the economist's: drafts.
    expect(await codes('awaiting=me')).toEqual(['CL-SAL'])
    const drafts = (await send('program_economist', 'GET', '/api/programs?awaiting=me')).json().items.map((p: { code: string }) => p.code).sort()
    expect(drafts).toEqual(['ACT-1', 'WB-1'])
    expect((await send('analyst', 'GET', '/api/programs?awaiting=me')).json()).toMatchObject({ total: 0, items: [] })
    // A program is proposed on its numbers: without a case that computes, the move names what is missing.
    const before = await count('program_decisions')
    const refused = await move('program_economist', 'WB-1', 'proposed')
    expect(refused.statusCode).toBe(409)
    expect(refused.json().details).toEqual({ code: 'case.no_product' })
    expect(await count('program_decisions')).toBe(before)
  })
})

describe('two heads at once', () => {
  // The move locks the program's row (lockProgramByCode): two heads who approve the same proposal
  // at the same moment get one approval and one refusal, and one decision record — never two.
  it('approves a proposal once when two heads approve it at the same moment', async () => {
    expect((await send('program_economist', 'POST', '/api/programs', { code: 'TWICE-1', name: 'Двойное утверждение', goal: 'cross_sell' })).statusCode).toBe(201)
    expect((await send('program_economist', 'PATCH', '/api/programs/TWICE-1', PLAN)).statusCode).toBe(200)
    expect((await move('program_economist', 'TWICE-1', 'proposed')).statusCode).toBe(200)
    const before = await count('program_decisions')
    const answers = await Promise.all([move('head', 'TWICE-1', 'approved', 'Первый'), move('head2', 'TWICE-1', 'approved', 'Второй')])
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409])
    expect(await count('program_decisions')).toBe(before + 1)
    expect((await send('head', 'GET', '/api/programs/TWICE-1')).json().status).toBe('approved')
  })
})

describe('a decision on the numbers the head read', () => {
  async function proposed(code: string) {
    expect((await send('program_economist', 'POST', '/api/programs', { code, name: `Программа ${code}`, goal: 'cross_sell' })).statusCode).toBe(201)
    expect((await send('program_economist', 'PATCH', `/api/programs/${code}`, PLAN)).statusCode).toBe(200)
    expect((await move('program_economist', code, 'proposed')).statusCode).toBe(200)
    return (await send('head', 'GET', `/api/programs/${code}`)).json() as { updatedAt: string; case: { npv: number } }
  }

  it('refuses an approval when the case changed after the head opened it, naming when; the fresh read approves', async () => {
    const read = await proposed('SEEN-1')
    expect((await send('program_economist', 'PATCH', '/api/programs/SEEN-1', { businessCase: { ...CASE, conversion: 0.4 } })).statusCode).toBe(200)
    const before = await count('program_decisions')
    const stale = await send('head', 'POST', '/api/programs/SEEN-1/transition', { to: 'approved', updatedAt: read.updatedAt })
    expect(stale.statusCode).toBe(409)
    const fresh = (await send('head', 'GET', '/api/programs/SEEN-1')).json()
    expect(stale.json().details).toEqual({ code: 'program.changed_since_read', updatedAt: fresh.updatedAt })
    expect(await count('program_decisions')).toBe(before)
    const approved = await send('head', 'POST', '/api/programs/SEEN-1/transition', { to: 'approved', updatedAt: fresh.updatedAt })
    expect(approved.statusCode).toBe(200)
    expect(approved.json().decisions.at(-1).snapshot.case.npv).toBe(fresh.case.npv)
    expect((await send('head', 'POST', '/api/programs/SEEN-1/transition', { to: 'approved', updatedAt: 'yesterday' })).statusCode).toBe(400)
  })

  // The economist edits the case while the head approves the version they read: whichever takes the
  // row's lock first, no approval stands on numbers the head did not see.
  it('an edit and an approval at the same moment never leave an approval of the edited case', async () => {
    for (let round = 0; round < 4; round++) {
      const code = `RACE-${round}`
      const read = await proposed(code)
      const [edit, approval] = await Promise.all([
        send('program_economist', 'PATCH', `/api/programs/${code}`, { businessCase: { ...CASE, conversion: 0.3 + round / 100 } }),
        send('head', 'POST', `/api/programs/${code}/transition`, { to: 'approved', updatedAt: read.updatedAt }),
      ])
      expect(edit.statusCode).toBe(200)
      const after = (await send('head', 'GET', `/api/programs/${code}`)).json()
      // Either the approval came first and the edit voided it, or the edit came first and the approval was refused.
      expect(after.status).toBe('proposed')
      const moves = after.decisions.map((d: { from: string; to: string }) => `${d.from}→${d.to}`)
      if (approval.statusCode === 200) {
        expect(moves.slice(-2)).toEqual(['proposed→approved', 'approved→proposed'])
        expect(after.decisions.at(-2).snapshot.case.npv).toBe(read.case.npv)
      } else {
        expect(approval.statusCode).toBe(409)
        expect(approval.json().details.code).toBe('program.changed_since_read')
        expect(moves.at(-1)).toBe('draft→proposed')
      }
    }
  })
})
