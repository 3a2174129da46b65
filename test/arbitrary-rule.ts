import fc from 'fast-check'
import type { ProfileRow } from '../src/core/selection/profile-row.ts'
import type { Rule } from '../src/contract/rule.ts'
import { CHANNELS } from '../src/contract/channels.ts'
import { CLIENT_STATUSES } from '../src/contract/client-statuses.ts'
import { PRODUCT_TYPES } from '../src/contract/product-types.ts'
import { SEGMENTS } from '../src/contract/segments.ts'

// Random rules and random client profiles for property tests. Values are drawn from small sets so
// that random rules hit real clients rather than nobody.

export const TEST_PRODUCTS = ['DC_SALARY', 'CC_CLASSIC', 'CL_CASH', 'TD_12M', 'MORTGAGE'] as const
export const TEST_REGIONS = ['MSK', 'SPB', 'NSK'] as const
export const TEST_BRANCHES = ['B01', 'B02', 'B03', 'B04'] as const
export const TEST_TODAY = '2026-03-15'

const dateBetween = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10))
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 })

export const arbitraryProfile: fc.Arbitrary<Omit<ProfileRow, 'client_id'>> = fc.record({
  birth_date: maybe(dateBetween('1940-01-01', '2008-12-31')),
  gender: maybe(fc.constantFrom('M', 'F')),
  region_code: maybe(fc.constantFrom(...TEST_REGIONS)),
  branch_code: maybe(fc.constantFrom(...TEST_BRANCHES)),
  segment: fc.constantFrom(...SEGMENTS),
  income: maybe(fc.integer({ min: 0, max: 500_000 })),
  client_since: maybe(dateBetween('1995-01-01', TEST_TODAY)),
  status: fc.constantFrom(...CLIENT_STATUSES),
  vip: fc.boolean(),
  do_not_contact: fc.boolean(),
  product_mask: fc.integer({ min: 0, max: 2 ** TEST_PRODUCTS.length - 1 }),
  type_mask: fc.integer({ min: 0, max: 2 ** PRODUCT_TYPES.length - 1 }),
  product_count: fc.integer({ min: 0, max: 6 }),
  deposit_balance: fc.integer({ min: 0, max: 3_000_000 }),
  loan_balance: fc.integer({ min: 0, max: 3_000_000 }),
  credit_limit: fc.integer({ min: 0, max: 500_000 }),
  last_opened_on: maybe(dateBetween('2020-01-01', TEST_TODAY)),
  last_closed_on: maybe(dateBetween('2020-01-01', TEST_TODAY)),
  turnover_1m: fc.integer({ min: 0, max: 200_000 }),
  turnover_3m: fc.integer({ min: 0, max: 600_000 }),
  turnover_12m: fc.integer({ min: 0, max: 2_000_000 }),
  transactions_1m: fc.integer({ min: 0, max: 100 }),
  transactions_3m: fc.integer({ min: 0, max: 300 }),
  turnover_trend: maybe(fc.double({ min: -1, max: 3, noNaN: true })),
  consent_email: fc.boolean(),
  consent_sms: fc.boolean(),
  consent_call: fc.boolean(),
  consent_letter: fc.boolean(),
  last_contact_on: maybe(dateBetween('2025-06-01', TEST_TODAY)),
  last_email_contact_on: maybe(dateBetween('2025-06-01', TEST_TODAY)),
  last_sms_contact_on: maybe(dateBetween('2025-06-01', TEST_TODAY)),
  last_call_contact_on: maybe(dateBetween('2025-06-01', TEST_TODAY)),
  last_letter_contact_on: maybe(dateBetween('2025-06-01', TEST_TODAY)),
  last_response_on: maybe(dateBetween('2025-06-01', TEST_TODAY)),
  has_open_complaint: fc.boolean(),
  last_complaint_on: maybe(dateBetween('2025-06-01', TEST_TODAY)),
  churn_score: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
  propensity_score: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
})

const numberField = (field: string, min: number, max: number, integer = true) => {
  const n = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true })
  return fc.oneof(
    fc.record({ field: fc.constant(field), op: fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte'), value: n }),
    fc.tuple(n, n).map(([a, b]) => ({ field, op: 'between', value: [Math.min(a, b), Math.max(a, b)] as [number, number] })),
    fc.record({ field: fc.constant(field), op: fc.constantFrom('is_null', 'not_null') }),
  )
}
const codeField = (field: string, values: readonly string[]) =>
  fc.oneof(
    fc.record({ field: fc.constant(field), op: fc.constantFrom('eq', 'ne'), value: fc.constantFrom(...values) }),
    fc.record({ field: fc.constant(field), op: fc.constantFrom('in', 'not_in'), value: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1 }) }),
  )

/** A condition on the profile only (no program qualifier, no saved selection). */
export const arbitraryCondition: fc.Arbitrary<Rule> = fc.oneof(
  numberField('age', 15, 90),
  fc.constant({ field: 'age', op: 'gt', value: 30.5 }),
  numberField('tenure_months', 0, 400),
  numberField('income', 0, 500_000),
  numberField('turnover_3m', 0, 600_000),
  numberField('turnover_trend', -1, 3, false),
  numberField('churn_score', 0, 1, false),
  numberField('days_since_product_opened', 0, 2000),
  numberField('product_count', 0, 6),
  // A fractional bound on a whole-number column (PostgreSQL once typed the parameter as integer).
  numberField('transactions_1m', 0, 100, false),
  codeField('segment', SEGMENTS),
  codeField('region', TEST_REGIONS),
  codeField('branch', TEST_BRANCHES),
  codeField('status', CLIENT_STATUSES),
  codeField('gender', ['M', 'F']),
  fc.record({ field: fc.constantFrom('vip', 'do_not_contact', 'open_complaint'), op: fc.constantFrom('is_true', 'is_false') }),
  fc.record({ field: fc.constant('product'), op: fc.constantFrom('holds', 'holds_not'), value: fc.constantFrom(...TEST_PRODUCTS) }),
  fc.record({ field: fc.constant('product_type'), op: fc.constantFrom('holds', 'holds_not'), value: fc.constantFrom(...PRODUCT_TYPES) }),
  fc.record({ field: fc.constant('consent'), op: fc.constantFrom('has', 'has_not'), value: fc.constantFrom(...CHANNELS) }),
  fc.record({ field: fc.constantFrom('contacted', 'responded', 'complained'), op: fc.constantFrom('within_days', 'not_within_days'), value: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ field: fc.constant('contacted'), op: fc.constantFrom('within_days', 'not_within_days'), value: fc.integer({ min: 0, max: 300 }), channel: fc.constantFrom(...CHANNELS) }),
)

/** What random rules may refer to beyond the profile: saved selections and programs by code. */
export type RuleReferences = { selections?: readonly number[]; programs?: readonly string[] }

/** A random rule tree; with references, also saved-selection and program-qualified conditions. */
export function arbitraryRuleOver(refs: RuleReferences): fc.Arbitrary<Rule> {
  const extra: fc.Arbitrary<Rule>[] = []
  if (refs.selections?.length) {
    extra.push(fc.record({ field: fc.constant('selection'), op: fc.constantFrom('in', 'not_in'), value: fc.constantFrom(...refs.selections) }))
  }
  if (refs.programs?.length) {
    const recency = { op: fc.constantFrom('within_days', 'not_within_days'), value: fc.integer({ min: 0, max: 60 }), program: fc.constantFrom(...refs.programs) }
    extra.push(
      fc.record({ field: fc.constantFrom('contacted', 'responded'), ...recency }),
      fc.record({ field: fc.constant('contacted'), ...recency, channel: fc.constantFrom(...CHANNELS) }),
    )
  }
  const condition = extra.length ? fc.oneof({ weight: 3, arbitrary: arbitraryCondition }, ...extra.map((arbitrary) => ({ weight: 1, arbitrary }))) : arbitraryCondition
  return fc.letrec<{ rule: Rule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      condition,
      fc.array(tie('rule'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
      fc.array(tie('rule'), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
      tie('rule').map((not) => ({ not })),
    ),
  })).rule
}

export const arbitraryRule: fc.Arbitrary<Rule> = arbitraryRuleOver({})
