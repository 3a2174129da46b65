import { describe, expect, it } from 'vitest'
import { demoTestClients } from '../../../test/demo-test-world.ts'
import { DEMO_PRODUCT_TYPE, type ProductType } from './demo-products.ts'

const clients = demoTestClients(1, 20_000)
const active = clients.filter((c) => c.client.status === 'active')
const openCodes = (c: (typeof clients)[number]) => new Set(c.holdings.filter((h) => h.closedAt === null).map((h) => h.productCode))
const openTypes = (c: (typeof clients)[number]) => new Set([...openCodes(c)].map((code) => DEMO_PRODUCT_TYPE[code]))
const share = (of: readonly (typeof clients)[number][], has: (c: (typeof clients)[number]) => boolean) => of.filter(has).length / of.length

describe('demo holdings', () => {
  // *Typical* penetration among active clients (DOMAIN.md "Clients and products").
  it.each<[string, ProductType[], number, number]>([
    ['debit card', ['debit_card'], 0.8, 0.95],
    ['deposit or savings', ['term_deposit', 'savings_account'], 0.2, 0.35],
    ['credit card', ['credit_card'], 0.15, 0.3],
    ['consumer loan', ['consumer_loan'], 0.1, 0.2],
    ['mortgage', ['mortgage'], 0.03, 0.08],
  ])('%s %j: held by %f–%f of active clients', (_name, types, min, max) => {
    const penetration = share(active, (c) => types.some((t) => openTypes(c).has(t)))
    expect(penetration).toBeGreaterThanOrEqual(min)
    expect(penetration).toBeLessThanOrEqual(max)
  })

  it.each([
    ['salary card', 'credit card', (c: (typeof clients)[number]) => openCodes(c).has('DC_SALARY'), 'credit_card'],
    ['credit card', 'consumer loan', (c: (typeof clients)[number]) => openTypes(c).has('credit_card'), 'consumer_loan'],
    ['mortgage', 'insurance', (c: (typeof clients)[number]) => openTypes(c).has('mortgage'), 'insurance'],
    ['deposit', 'investments', (c: (typeof clients)[number]) => openTypes(c).has('term_deposit') || openTypes(c).has('savings_account'), 'investment'],
  ] as const)('holders of a %s take a %s at least twice as often', (_from, _to, holds, next) => {
    const withIt = share(active.filter(holds), (c) => openTypes(c).has(next))
    const without = share(active.filter((c) => !holds(c)), (c) => openTypes(c).has(next))
    expect(withIt).toBeGreaterThan(2 * without)
  })

  it('opens the next product after the one before it: salary card → credit card → consumer loan', () => {
    let checked = 0
    for (const c of active) {
      const opened = (code: string) => c.holdings.find((h) => h.productCode === code && h.closedAt === null)?.openedAt
      const salary = opened('DC_SALARY')
      const card = opened('CC_CLASSIC') ?? opened('CC_GOLD')
      const loan = opened('CL_CASH')
      if (salary && card) expect(card >= salary).toBe(true)
      if (card && loan) {
        expect(loan >= card).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(100)
  })

  it('has deposits rising with age and with income', () => {
    const hasDeposit = (c: (typeof clients)[number]) => openTypes(c).has('term_deposit') || openTypes(c).has('savings_account')
    const age = (c: (typeof clients)[number]) => 2026 - Number(c.client.birthDate.slice(0, 4))
    const byAge = [[18, 29], [30, 44], [45, 59], [60, 90]].map(([lo, hi]) => share(active.filter((c) => age(c) >= lo && age(c) <= hi), hasDeposit))
    expect(byAge).toEqual([...byAge].sort((a, b) => a - b))
    const incomes = active.filter((c) => c.client.monthlyIncome !== null).sort((a, b) => (a.client.monthlyIncome ?? 0) - (b.client.monthlyIncome ?? 0))
    const third = Math.floor(incomes.length / 3)
    const byIncome = [incomes.slice(0, third), incomes.slice(third, 2 * third), incomes.slice(2 * third)].map((group) => share(group, hasDeposit))
    expect(byIncome).toEqual([...byIncome].sort((a, b) => a - b))
  })

  it('keeps holdings consistent: opened since joining, closed after opening with nothing left, limits on credit cards only', () => {
    const wrong = clients.flatMap(({ client, holdings }) =>
      holdings.filter((h) =>
        h.openedAt < client.clientSince ||
        h.openedAt > '2026-11-26' ||
        (h.closedAt !== null && (h.closedAt < h.openedAt || h.balance !== 0)) ||
        h.balance < 0 ||
        (h.creditLimit !== null) !== (DEMO_PRODUCT_TYPE[h.productCode] === 'credit_card'),
      ).map((h) => ({ client: client.bankId, since: client.clientSince, ...h })),
    )
    expect(wrong).toEqual([])
    expect(clients.filter((c) => !c.holdings.some((h) => h.closedAt === null) && c.client.status === 'active')).toEqual([])
  })

  it('has churned clients with every product closed, the last on the status date', () => {
    const churned = clients.filter((c) => c.client.status === 'churned')
    expect(churned.length).toBeGreaterThan(0)
    const wrong = churned.filter(({ client, holdings }) =>
      holdings.some((h) => h.closedAt === null) || holdings.map((h) => h.closedAt ?? '').sort().at(-1) !== client.statusDate)
    expect(wrong).toEqual([])
  })

  it('gives active clients a history of closed products too (repaid loans, matured deposits)', () => {
    expect(share(active, (c) => c.holdings.some((h) => h.closedAt !== null))).toBeGreaterThan(0.05)
  })
})
