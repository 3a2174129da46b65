import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../contract/roles.ts'
import { ROLES } from '../../contract/roles.ts'
import { BUSINESS_CASE_WORKED_EXAMPLE_TYPED } from '../../core/program/business-case-worked-example.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { seedCashLoanProduct } from '../../../test/seed-cash-loan-product.ts'
import { seedClientBase } from '../../../test/seed-client-base.ts'

// The product catalogue kept by the head and the admin (PATCH /api/products/:code): the terms every
// business case counts on, checked field by field, audited with before and after, and never
// reaching back into a decision already taken.

let db: Database
let app: App
const cookies = new Map<string, string>()
const AT = new Date('2026-12-02T10:00:00Z')

beforeAll(async () => {
  db = await openTestDatabase()
  await seedClientBase(db)
  await seedCashLoanProduct(db)
  app = await buildTestServer(db, () => AT)
  for (const role of ROLES) cookies.set(role, (await signIn(app, db, role)).cookie)
})
afterAll(async () => {
  await app.close()
  await db.close()
})

const send = (who: Role, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie: cookies.get(who)! }, ...(payload && { payload }) })
const cashLoan = async (who: Role = 'head') => (await send(who, 'GET', '/api/products')).json().items.find((p: { code: string }) => p.code === 'CL_CASH')
const events = () => db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'product.update').orderBy('id').execute()

describe('PATCH /api/products/:code', () => {
  it('lets only the head and the admin keep the catalogue (403 for every other role)', async () => {
    for (const role of ROLES.filter((r) => r !== 'head' && r !== 'admin')) {
      const response = await send(role, 'PATCH', '/api/products/CL_CASH', { clientRate: 0.3 })
      expect(response.statusCode, role).toBe(403)
    }
    expect((await app.inject({ method: 'PATCH', url: '/api/products/CL_CASH', payload: { clientRate: 0.3 } })).statusCode).toBe(401)
    expect(await cashLoan()).toMatchObject({ clientRate: 0.26, updatedAt: null, updatedBy: null })
    expect(await events()).toEqual([])
  })

  it.each([
    [{ ftpRate: 1.7 }, { code: 'product.rate_out_of_range', field: 'ftpRate', value: 1.7 }],
    [{ clientRate: -0.01 }, { code: 'product.rate_out_of_range', field: 'clientRate', value: -0.01 }],
    [{ feeRate: 0.123456 }, { code: 'product.too_precise', field: 'feeRate', value: 0.123456, decimals: 5 }],
    [{ probabilityOfDefault: 6 }, { code: 'product.rate_out_of_range', field: 'probabilityOfDefault', value: 6 }],
    [{ lossGivenDefault: 1.5 }, { code: 'product.rate_out_of_range', field: 'lossGivenDefault', value: 1.5 }],
    [{ lifetimeMonths: 0 }, { code: 'product.bad_lifetime', field: 'lifetimeMonths', value: 0 }],
    [{ lifetimeMonths: 36.5 }, { code: 'product.bad_lifetime', field: 'lifetimeMonths', value: 36.5 }],
    [{ clientRate: '26%' }, { code: 'request.invalid', field: 'clientRate' }],
    [{ margin: 0.1 }, { code: 'request.invalid' }],
    [{}, { code: 'request.invalid' }],
  ])('refuses %o with 400 naming the field, changing nothing', async (body, details) => {
    const response = await send('admin', 'PATCH', '/api/products/CL_CASH', body)
    expect(response.statusCode).toBe(400)
    expect(response.json().details).toMatchObject(details)
    expect(await cashLoan()).toMatchObject({ ftpRate: 0.17, clientRate: 0.26, probabilityOfDefault: 0.06, lossGivenDefault: 0.55, lifetimeMonths: 36 })
  })

  it('keeps default risk to credit products: a deposit gets no PD (400 naming it)', async () => {
    const response = await send('head', 'PATCH', '/api/products/TD12', { probabilityOfDefault: 0.02 })
    expect(response.statusCode).toBe(400)
    expect(response.json().details).toEqual({ code: 'product.not_credit', field: 'probabilityOfDefault', type: 'term_deposit' })
    expect((await send('head', 'PATCH', '/api/products/NOPE', { ftpRate: 0.1 })).statusCode).toBe(404)
  })

  it('changes an approved program’s case from now on, and leaves the decision taken on the old terms as it was', async () => {
    const plan = { targetProduct: 'CL_CASH', channels: ['sms'], controlShare: 0.1, businessCase: BUSINESS_CASE_WORKED_EXAMPLE_TYPED, budget: 81_500 }
    expect((await send('program_economist', 'POST', '/api/programs', { code: 'CL-SAL', name: 'Кредит наличными', goal: 'cross_sell', ...plan })).statusCode).toBe(201)
    expect((await send('program_economist', 'POST', '/api/programs/CL-SAL/transition', { to: 'proposed' })).statusCode).toBe(200)
    expect((await send('head', 'POST', '/api/programs/CL-SAL/transition', { to: 'approved', comment: 'Утверждаю' })).statusCode).toBe(200)
    const approvedOn = (await send('head', 'GET', '/api/programs/CL-SAL')).json()
    const decisions = approvedOn.decisions
    // The worked example: 150 000 ₽ drawn a year at 0.26 − 0.17 earns 13 500 ₽, less 0.06 × 0.55 × 150 000 = 4 950 ₽.
    expect(decisions.at(-1).snapshot.case.product).toMatchObject({ interestMarginPerYear: 13_500, expectedCreditLossPerYear: 4_950, netPerYear: 8_550 })

    const response = await send('head', 'PATCH', '/api/products/CL_CASH', { clientRate: 0.28, lifetimeMonths: 36 })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({
      product: expect.objectContaining({ code: 'CL_CASH', clientRate: 0.28, lifetimeMonths: 36, updatedAt: AT.toISOString(), updatedBy: 'head' }),
      programs: [{ code: 'CL-SAL', status: 'approved' }],
    })

    const after = (await send('head', 'GET', '/api/programs/CL-SAL')).json()
    // The case recomputes: 0.28 − 0.17 = 0.11 × 150 000 = 16 500 ₽, the credit loss unchanged, 11 550 ₽ net.
    expect(after.case.product).toMatchObject({ interestMarginPerYear: 16_500, expectedCreditLossPerYear: 4_950, netPerYear: 11_550 })
    expect(after.status).toBe('approved')
    // The head's approval keeps the numbers it was given on, to the last field.
    expect(after.decisions).toEqual(decisions)

    // Only what changed is audited, before and after, with the programs the change reaches.
    const [event] = await events()
    expect(event).toMatchObject({ login: 'head', entity: 'product', entity_id: 'CL_CASH', details: { before: { clientRate: 0.26 }, after: { clientRate: 0.28 }, programs: ['CL-SAL'] } })
  })

  it('clears a term with null, records nothing for a change that changes nothing, and hides the economics from the marketer', async () => {
    const cleared = await send('admin', 'PATCH', '/api/products/CL_CASH', { feeRate: null, active: true })
    expect(cleared.statusCode).toBe(200)
    expect((await events()).length).toBe(1)
    const edited = await send('admin', 'PATCH', '/api/products/CL_CASH', { feeRate: 0.015, active: false })
    expect(edited.json().product).toMatchObject({ feeRate: 0.015, active: false, updatedBy: 'admin' })
    expect((await events()).at(-1)!.details).toEqual({ before: { active: true, feeRate: null }, after: { active: false, feeRate: 0.015 }, programs: ['CL-SAL'] })
    const shown = await cashLoan('marketer')
    expect(shown).toMatchObject({ code: 'CL_CASH', clientRate: 0.28, feeRate: 0.015 })
    expect(shown).not.toHaveProperty('ftpRate')
    expect(shown).not.toHaveProperty('probabilityOfDefault')
  })
})
