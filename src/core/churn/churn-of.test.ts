import { describe, expect, it } from 'vitest'
import type { ChurnDefinition } from '../../contract/churn-schemas.ts'
import { churnFeatures } from './churn-features.ts'
import { churnOf } from './churn-of.ts'
import type { ClientChurnFacts } from './client-churn-facts.ts'

const ALL: ChurnDefinition = { allProductsClosed: true, inactiveMonths: 3, salaryCardStopped: true, salaryProducts: ['SAL'], reasonMonths: 6 }
const holding = (productCode: string, openedAt: string, closedAt: string | null = null) => ({ productCode, productType: productCode === 'DEP' ? 'term_deposit' : 'debit_card', openedAt, closedAt })
const month = (m: string, transactions = 10) => ({ month: `${m}-01`, turnover: transactions * 1000, transactions, mobileLogins: 2 })

// Hand-worked cases of the rule in churn-of.ts, as of the day in each row.
describe('churnOf', () => {
  it.each([
    ['nothing closed, active last month', ALL, [holding('SAL', '2024-01-10'), holding('DEP', '2024-03-01')], [month('2026-10'), month('2026-11')], '2026-12-04', undefined],
    ['all closed: the day of the last closing', { ...ALL, inactiveMonths: null }, [holding('DEP', '2024-01-10', '2026-05-20'), holding('CUR', '2024-01-10', '2026-07-02')], [], '2026-12-04', { churnedOn: '2026-07-02', criteria: ['all_products_closed'] }],
    ['a product closed after the day is still open then', { ...ALL, inactiveMonths: null }, [holding('CUR', '2024-01-10', '2026-07-02')], [], '2026-07-01', undefined],
    ['inactive: last active July, three empty months, churned on 1 November', ALL, [holding('CUR', '2024-01-10')], [month('2026-06'), month('2026-07'), month('2026-08', 0)], '2026-12-04', { churnedOn: '2026-11-01', criteria: ['inactive'] }],
    ['inactive, but the third empty month is not over yet', ALL, [holding('CUR', '2024-01-10')], [month('2026-08')], '2026-11-30', undefined],
    ['never transacted: not judged by inactivity (a deposit holder has not left)', ALL, [holding('DEP', '2020-05-15')], [], '2026-12-04', undefined],
    ['salary card closed, other products open', ALL, [holding('SAL', '2024-01-10', '2026-10-15'), holding('DEP', '2025-01-01')], [month('2026-11')], '2026-12-04', { churnedOn: '2026-10-15', criteria: ['salary_card_stopped'] }],
    ['salary card closed but another salary product open', ALL, [holding('SAL', '2024-01-10', '2026-10-15'), holding('SAL', '2026-10-16')], [month('2026-11')], '2026-12-04', undefined],
    ['criteria off: nothing counts', { ...ALL, allProductsClosed: false, inactiveMonths: null, salaryCardStopped: false }, [holding('SAL', '2024-01-10', '2025-01-01')], [], '2026-12-04', undefined],
    ['several criteria: the earliest date, all criteria named', ALL, [holding('SAL', '2024-01-10', '2026-03-01'), holding('CUR', '2024-01-10', '2026-09-30')], [month('2026-05')], '2026-12-04', { churnedOn: '2026-03-01', criteria: ['all_products_closed', 'inactive', 'salary_card_stopped'] }],
    ['no product opened by the day: not a client yet', ALL, [holding('CUR', '2027-01-10')], [], '2026-12-04', undefined],
  ] as const)('%s', (_name, definition, holdings, activity, asOf, expected) => {
    expect(churnOf({ definition: definition as ChurnDefinition, facts: { holdings, activity }, asOf })).toEqual(expected)
  })
})

describe('churnFeatures', () => {
  it('sees only what the bank knew on the cut-off day', () => {
    const facts: ClientChurnFacts = {
      clientId: 1, status: 'churned', birthDate: '1980-06-15', clientSince: '2020-01-10', gender: 'F', segment: 'mass', income: 50_000, vip: false, statedReason: 'ушёл',
      holdings: [holding('SAL', '2020-01-10', '2026-08-01'), holding('DEP', '2025-01-01', '2026-04-10'), holding('CUR', '2020-01-10')],
      activity: [month('2026-01', 10), month('2026-02', 10), month('2026-03', 10), month('2026-04', 5), month('2026-05', 5), month('2026-06', 0), month('2026-07', 40)],
      complaints: [{ receivedOn: '2026-05-01' }, { receivedOn: '2026-07-01' }],
      competitorNotes: [{ createdOn: '2025-05-01', body: 'old' }, { createdOn: '2026-06-20', body: 'new' }],
    }
    const f = churnFeatures({ facts, asOf: '2026-07-01', salaryProducts: ['SAL'] })
    expect(f).toEqual({
      age: 46, gender: 'F', segment: 'mass', income: 50_000, vip: 'no', tenure_months: 77,
      // SAL closes in August: still open on 1 July; the deposit closed in April, within six months.
      products_open: 2, salary_card: 'yes', deposit: 'no', loan: 'no', products_closed_6m: 1,
      // April–June against January–March: 10 000 against 30 000; July is not seen.
      turnover_3m: 10_000, transactions_3m: 10, turnover_trend: 10_000 / 30_000 - 1, months_inactive: 1, mobile_logins_3m: 6,
      // The complaint of 1 July is on the cut-off day, not before it; the 2025 note is over a year old.
      complaints_12m: 1, competitor_notes_12m: 1,
    })
  })
})
