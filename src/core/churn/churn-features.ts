import { addMonths, fullMonths, fullYears } from '../selection/calendar.ts'
import type { ClientChurnFacts } from './client-churn-facts.ts'

/**
 * The facts the churn model learns from, each as the bank knew it on a cut-off day. What would
 * leak the outcome is left out: the client's status, status date and reason (they are the label),
 * balances (the bank keeps only today's, and a churned client's are zero), and anything dated
 * after the cut-off — products closed later count as open, later activity, complaints and notes
 * are unseen. Segment, income and VIP are today's values (the data has no history of them); they
 * change slowly and do not follow from leaving.
 */
export const CHURN_FEATURES = [
  'age', 'gender', 'segment', 'income', 'vip', 'tenure_months',
  'products_open', 'salary_card', 'deposit', 'loan', 'products_closed_6m',
  'turnover_3m', 'transactions_3m', 'turnover_trend', 'months_inactive', 'mobile_logins_3m',
  'complaints_12m', 'competitor_notes_12m',
] as const
export type ChurnFeature = (typeof CHURN_FEATURES)[number]
export type ChurnFeatureValues = Record<ChurnFeature, string | number>

const DEPOSIT_TYPES = new Set(['term_deposit', 'savings_account'])
const LOAN_TYPES = new Set(['credit_card', 'consumer_loan', 'car_loan', 'mortgage'])
/** Months without a transaction stop adding signal beyond two years; the cap keeps the scale sane. */
const MAX_INACTIVE_MONTHS = 24

export type ChurnFeaturesInput = { facts: ClientChurnFacts; asOf: string; salaryProducts: readonly string[] }

/** One client's features as of the cut-off day `asOf` (activity counts whole months before it). */
export function churnFeatures(input: ChurnFeaturesInput): ChurnFeatureValues {
  const { facts, asOf } = input
  const held = facts.holdings.filter((h) => h.openedAt <= asOf)
  const open = held.filter((h) => h.closedAt === null || h.closedAt > asOf)
  const month = `${asOf.slice(0, 7)}-01`
  const within = (months: number) => facts.activity.filter((a) => a.month < month && a.month >= addMonths(month, -months))
  const last3 = within(3)
  const turnover3 = sum(last3, (a) => a.turnover)
  const previous3 = sum(within(6), (a) => a.turnover) - turnover3
  const yearAgo = addMonths(asOf, -12)
  return {
    age: facts.birthDate ? fullYears(facts.birthDate, asOf) : 0,
    gender: facts.gender ?? 'unknown',
    segment: facts.segment,
    income: facts.income ?? 0,
    vip: facts.vip ? 'yes' : 'no',
    tenure_months: facts.clientSince && facts.clientSince <= asOf ? fullMonths(facts.clientSince, asOf) : 0,
    products_open: open.length,
    salary_card: open.some((h) => input.salaryProducts.includes(h.productCode)) ? 'yes' : 'no',
    deposit: open.some((h) => DEPOSIT_TYPES.has(h.productType)) ? 'yes' : 'no',
    loan: open.some((h) => LOAN_TYPES.has(h.productType)) ? 'yes' : 'no',
    products_closed_6m: held.filter((h) => h.closedAt !== null && h.closedAt <= asOf && h.closedAt > addMonths(asOf, -6)).length,
    turnover_3m: turnover3,
    transactions_3m: sum(last3, (a) => a.transactions),
    // The last three months against the three before, −1 (stopped) to +1 and above; 0 with nothing before.
    turnover_trend: previous3 > 0 ? Math.min(turnover3 / previous3 - 1, 10) : 0,
    months_inactive: monthsInactive(facts, month),
    mobile_logins_3m: sum(last3, (a) => a.mobileLogins),
    complaints_12m: facts.complaints.filter((c) => c.receivedOn < asOf && c.receivedOn >= yearAgo).length,
    competitor_notes_12m: facts.competitorNotes.filter((n) => n.createdOn < asOf && n.createdOn >= yearAgo).length,
  }
}

function monthsInactive(facts: ClientChurnFacts, month: string): number {
  let last = ''
  for (const a of facts.activity) if (a.transactions > 0 && a.month < month && a.month > last) last = a.month
  if (last === '') return MAX_INACTIVE_MONTHS
  return Math.min(fullMonths(last, month) - 1, MAX_INACTIVE_MONTHS)
}

function sum<T>(rows: readonly T[], value: (row: T) => number): number {
  return rows.reduce((total, row) => total + value(row), 0)
}
