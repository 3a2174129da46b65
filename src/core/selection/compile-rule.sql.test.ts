import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { compileRule, type CompileContext } from './compile-rule.ts'
import type { Rule } from '../../contract/rule.ts'

// The SQL the selection compiler writes, for a table of rules that uses every field kind and
// operator once, kept in compile-rule.sql.snap.sql beside this file. The SQL must stay reviewable:
// a change to the compiler shows in review as a change to that file, with its parameters. CI runs
// with CI=true, where a missing or different snapshot fails instead of being written; run
// `npx vitest run -u src/core/selection/compile-rule.sql.test.ts` to accept a deliberate change.

// Compiles only: a Kysely on a driver that never connects, with PostgreSQL's dialect.
const postgres = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
})

const context: CompileContext = {
  today: '2026-12-02',
  productBits: new Map([['CC_CLASSIC', 0], ['DC_SALARY', 3]]),
  selections: new Map<number, Rule>([
    [1, { field: 'segment', op: 'in', value: ['mass', 'mass_affluent'] }],
    [2, { all: [{ field: 'selection', op: 'in', value: 1 }, { field: 'vip', op: 'is_false' }] }],
  ]),
}

const RULES: [string, Rule][] = [
  ['number: between', { field: 'income', op: 'between', value: [50_000, 150_000] }],
  ['number: is null', { field: 'churn_score', op: 'is_null' }],
  ['date-derived: age at least', { field: 'age', op: 'gte', value: 18 }],
  ['date-derived: age exactly', { field: 'age', op: 'eq', value: 30 }],
  ['date-derived: tenure below, fractional', { field: 'tenure_months', op: 'lt', value: 6.5 }],
  ['enum: in', { field: 'segment', op: 'in', value: ['premium', 'private'] }],
  ['code: not in', { field: 'region', op: 'not_in', value: ['77', '78'] }],
  ['boolean: is true', { field: 'vip', op: 'is_true' }],
  ['consent: has not', { field: 'consent', op: 'has_not', value: 'sms' }],
  ['product: holds', { field: 'product', op: 'holds', value: 'DC_SALARY' }],
  ['product type: holds not', { field: 'product_type', op: 'holds_not', value: 'credit_card' }],
  ['recency: channel qualifier', { field: 'contacted', op: 'not_within_days', value: 30, channel: 'sms' }],
  ['recency: program qualifier (PostgreSQL only)', { field: 'responded', op: 'within_days', value: 90, program: 'XSELL' }],
  ['saved selection, nested', { field: 'selection', op: 'in', value: 2 }],
  ['saved selection: not in', { field: 'selection', op: 'not_in', value: 1 }],
  [
    'groups with NOT: a missing fact is false under NOT',
    {
      all: [
        { field: 'status', op: 'eq', value: 'active' },
        { any: [{ field: 'deposit_balance', op: 'gte', value: 1_000_000 }, { field: 'turnover_trend', op: 'lt', value: -0.3 }] },
        { not: { field: 'open_complaint', op: 'is_true' } },
      ],
    },
  ],
]

function render(title: string, rule: Rule): string {
  const { where, needsPostgres } = compileRule(rule, context)
  const query = sql`SELECT p.client_id FROM client_profile p WHERE ${where}`.compile(postgres)
  const parameters = query.parameters.map((value, i) => `$${i + 1} = ${JSON.stringify(value)}`).join(', ')
  return [`-- ${title}${needsPostgres ? ' [PostgreSQL only]' : ''}`, `-- rule: ${JSON.stringify(rule)}`, `-- parameters: ${parameters || 'none'}`, `${query.sql};`].join('\n')
}

describe('selection compiler SQL', () => {
  it('writes the reviewed SQL for every kind of condition', async () => {
    const file = RULES.map(([title, rule]) => render(title, rule)).join('\n\n') + '\n'
    await expect(file).toMatchFileSnapshot('./compile-rule.sql.snap.sql')
  })

  it('puts every value from a rule in a parameter, never in the SQL text', () => {
    for (const [title, rule] of RULES) {
      const { sql: text } = sql`${compileRule(rule, context).where}`.compile(postgres)
      expect(text, title).not.toMatch(/50000|150000|premium|'77'|XSELL|DC_SALARY|1000000/)
    }
  })
})
