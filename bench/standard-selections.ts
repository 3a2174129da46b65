import type { Rule } from '../src/contract/rule.ts'

// The five standard selections of the selection benchmark, each asked twice: as an Otklik rule
// (parsed, compiled and run by Otklik) and as the SQL an analyst would write by hand over the
// client profile — plain column tests, no COALESCE, literal dates. The same SQL text runs on
// PostgreSQL and on DuckDB. The bank's day is BENCH_TODAY, so the literal dates below are fixed.

export const BENCH_TODAY = '2026-03-31'

export type StandardSelection = {
  name: string
  /** What the department asks for. */
  question: string
  rule: Rule
  /** The WHERE clause over client_profile; `bits` are the product bits of client_profile.product_mask. */
  where(bits: ReadonlyMap<string, number>): string
}

const bit = (bits: ReadonlyMap<string, number>, code: string): number => {
  const b = bits.get(code)
  if (b === undefined) throw new Error(`product ${code} has no profile bit: is this the demo bank?`)
  return b
}

export const STANDARD_SELECTIONS: readonly StandardSelection[] = [
  {
    name: 'credit_card_cross_sell',
    question: 'active salary-card holders aged 25–45 without a credit card',
    rule: {
      all: [
        { field: 'status', op: 'eq', value: 'active' },
        { field: 'product', op: 'holds', value: 'DC_SALARY' },
        { field: 'age', op: 'between', value: [25, 45] },
        { field: 'product_type', op: 'holds_not', value: 'credit_card' },
      ],
    },
    // Aged 25–45 on 2026-03-31: born after 1980-03-31 and on or before 2001-03-31. Credit card is
    // bit 2 of type_mask (the order of product types).
    where: (bits) => `status = 'active' AND ((product_mask >> ${bit(bits, 'DC_SALARY')}) & 1) = 1
      AND birth_date > DATE '1980-03-31' AND birth_date <= DATE '2001-03-31' AND (type_mask & 4) = 0`,
  },
  {
    name: 'deposit_retention',
    question: 'active clients with more than 500 000 ₽ on deposits whose turnover fell by over 20%',
    rule: {
      all: [
        { field: 'status', op: 'eq', value: 'active' },
        { field: 'deposit_balance', op: 'gt', value: 500_000 },
        { field: 'turnover_trend', op: 'lt', value: -0.2 },
      ],
    },
    where: () => `status = 'active' AND deposit_balance > 500000 AND turnover_trend < -0.2`,
  },
  {
    name: 'win_back',
    question: 'churned clients whose last product closed within the last 180 days',
    rule: {
      all: [
        { field: 'status', op: 'eq', value: 'churned' },
        { field: 'days_since_product_closed', op: 'lte', value: 180 },
      ],
    },
    // 180 days before 2026-03-31.
    where: () => `status = 'churned' AND last_closed_on >= DATE '2025-10-02'`,
  },
  {
    name: 'vip_sms_two_regions',
    question: 'VIP clients in Moscow and St Petersburg who agreed to SMS and may be contacted',
    rule: {
      all: [
        { field: 'vip', op: 'is_true' },
        { field: 'consent', op: 'has', value: 'sms' },
        { field: 'region', op: 'in', value: ['77', '78'] },
        { field: 'do_not_contact', op: 'is_false' },
      ],
    },
    where: () => `vip AND consent_sms AND region_code IN ('77', '78') AND NOT do_not_contact`,
  },
  {
    name: 'broad_email',
    question: 'every active client who agreed to e-mail',
    rule: {
      all: [
        { field: 'status', op: 'eq', value: 'active' },
        { field: 'consent', op: 'has', value: 'email' },
      ],
    },
    where: () => `status = 'active' AND consent_email`,
  },
]
