import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'
import { bankDayStartSql } from '../bank-day-sql.ts'
import { addDays, addMonths } from './calendar.ts'
import { checkExpandedRule } from './check-expanded-rule.ts'
import { isCondition, type Condition, type Rule } from '../../contract/rule.ts'
import { FIELD_BY_NAME } from './rule-catalogue.ts'
import { PRODUCT_TYPES } from '../../contract/product-types.ts'

// Rules compile to a WHERE expression over the client profile, aliased `p`. Column names come
// only from the tables below; every value from the rule is a bound parameter (DESIGN invariant 7).
// Under a NOT, each condition is wrapped in COALESCE(…, false), so a missing fact (no income on
// file) makes a condition false rather than unknown, and `not` then means what an analyst expects.
// Outside any NOT the wrapper is left off: there AND / OR of unknowns select exactly what they
// would with false (Kleene logic is monotone, WHERE keeps only true), and a bare `p.status = $1`
// lets DuckDB push the test into its scan and skip row groups — the wrapper made counts 1.5× slower.

export type CompileContext = {
  /** The bank day the rule is evaluated for: ages, tenures and recency count from it. */
  today: string
  /** The bank's time zone, in which days of the contact history start (UTC when absent: tests of the profile alone). */
  timeZone?: string
  /** Bit of each product code in p.product_mask (assigned when the profile is refreshed). */
  productBits: ReadonlyMap<string, number>
  /** Saved selections a rule may refer to, already checked for cycles. */
  selections: ReadonlyMap<number, Rule>
}

export type CompiledRule = {
  /** For a WHERE clause only: it is true for selected clients, false or NULL for the others. */
  where: RawBuilder<SqlBool>
  /** True when a condition needs tables beyond the profile (contacts by program…): PostgreSQL only. */
  needsPostgres: boolean
}

/** Plain profile columns: field → column of client_profile. */
const NUMBER_COLUMNS: Record<string, string> = {
  income: 'income',
  product_count: 'product_count',
  deposit_balance: 'deposit_balance',
  loan_balance: 'loan_balance',
  credit_limit: 'credit_limit',
  turnover_1m: 'turnover_1m',
  turnover_3m: 'turnover_3m',
  turnover_12m: 'turnover_12m',
  transactions_1m: 'transactions_1m',
  transactions_3m: 'transactions_3m',
  turnover_trend: 'turnover_trend',
  churn_score: 'churn_score',
  propensity_score: 'propensity_score',
}

const ENUM_COLUMNS: Record<string, string> = { gender: 'gender', region: 'region_code', branch: 'branch_code', segment: 'segment', status: 'status' }

const BOOLEAN_COLUMNS: Record<string, string> = { vip: 'vip', do_not_contact: 'do_not_contact', open_complaint: 'has_open_complaint' }

/**
 * Fields whose whole-number value counts back from a date column: value ≥ k ⇔ column ≤ cutoff(k).
 * Comparing dates (not computing ages per row) keeps the condition an index-friendly range.
 */
const DATE_DERIVED: Record<string, { column: string; cutoff: (today: string, k: number) => string }> = {
  age: { column: 'birth_date', cutoff: (today, k) => addMonths(today, -12 * k) },
  tenure_months: { column: 'client_since', cutoff: (today, k) => addMonths(today, -k) },
  days_since_product_opened: { column: 'last_opened_on', cutoff: (today, k) => addDays(today, -k) },
  days_since_product_closed: { column: 'last_closed_on', cutoff: (today, k) => addDays(today, -k) },
}

const RECENCY_COLUMNS: Record<string, string> = { contacted: 'last_contact_on', responded: 'last_response_on', complained: 'last_complaint_on' }

export function compileRule(rule: Rule, context: CompileContext): CompiledRule {
  checkExpandedRule(rule, context.selections)
  const state = { needsPostgres: false }
  const where = compileNode(rule, context, state, { path: '', seen: new Set(), underNot: false })
  return { where, needsPostgres: state.needsPostgres }
}

type State = { needsPostgres: boolean }

/** Where a node sits: its path in the rule, the saved selections around it, and whether a NOT is above it. */
type Place = { path: string; seen: ReadonlySet<number>; underNot: boolean }

function compileNode(rule: Rule, context: CompileContext, state: State, place: Place): RawBuilder<SqlBool> {
  const child = (key: string, underNot = place.underNot): Place => ({ ...place, path: at(place.path, key), underNot })
  if ('all' in rule) return group(rule.all.map((r, i) => compileNode(r, context, state, child(`all[${i}]`))), ' AND ')
  if ('any' in rule) return group(rule.any.map((r, i) => compileNode(r, context, state, child(`any[${i}]`))), ' OR ')
  if ('not' in rule) return sql<SqlBool>`(NOT ${compileNode(rule.not, context, state, child('not', true))})`
  if (!isCondition(rule)) throw new Error('unreachable')
  if (rule.field === 'selection') return compileMembership(rule, context, state, place)
  const condition = compileCondition(rule, context, state, place.path)
  return place.underNot ? sql<SqlBool>`COALESCE(${condition}, false)` : sql<SqlBool>`(${condition})`
}

function at(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}

function group(parts: RawBuilder<SqlBool>[], joiner: ' AND ' | ' OR '): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(parts, sql.raw(joiner))})`
}

function col(name: string): RawBuilder<unknown> {
  return sql.ref(`p.${name}`)
}

function compileMembership(rule: Condition, context: CompileContext, state: State, place: Place): RawBuilder<SqlBool> {
  const { path, seen } = place
  const id = rule.value as number
  const saved = context.selections.get(id)
  if (!saved) throw new DomainError('invalid_input', `${at(path, 'value')}: no saved selection ${id}`, reason('rule.no_saved_selection', { path: at(path, 'value'), id }))
  if (seen.has(id)) throw new DomainError('invalid_input', `${at(path, 'value')}: selection ${id} refers to itself`, reason('rule.self_reference', { path: at(path, 'value'), id }))
  const inner = compileNode(saved, context, state, { path, seen: new Set([...seen, id]), underNot: place.underNot || rule.op === 'not_in' })
  return rule.op === 'in' ? inner : sql<SqlBool>`(NOT ${inner})`
}

function compileCondition(rule: Condition, context: CompileContext, state: State, path: string): RawBuilder<unknown> {
  const { field, op } = rule
  if (field in NUMBER_COLUMNS) return compareNumber(col(NUMBER_COLUMNS[field]), op, rule.value)
  if (field === 'uplift_score') return compareNumber(upliftScore(rule, state), op, rule.value)
  if (field in DATE_DERIVED) return compareDateDerived(DATE_DERIVED[field], op, rule.value, context.today)
  if (field in ENUM_COLUMNS) return compareCode(col(ENUM_COLUMNS[field]), op, rule.value)
  if (field in BOOLEAN_COLUMNS) return op === 'is_true' ? col(BOOLEAN_COLUMNS[field]) : sql`NOT ${col(BOOLEAN_COLUMNS[field])}`
  if (field === 'consent') {
    const has = col(`consent_${channelOf(rule.value)}`)
    return op === 'has' ? has : sql`NOT ${has}`
  }
  if (field === 'product') return holds(col('product_mask'), productBit(rule.value as string, context, path), op)
  if (field === 'product_type') return holds(col('type_mask'), PRODUCT_TYPES.indexOf(rule.value as never), op)
  if (field in RECENCY_COLUMNS) return compileRecency(rule, context, state)
  throw new DomainError('invalid_input', `${at(path, 'field')}: ${field} cannot be compiled`, reason('rule.not_compilable', { path: at(path, 'field'), field }))
}

function channelOf(value: Condition['value']): string {
  // The parser admits only the catalogue's channels; the check keeps the column name closed here too.
  if (!(FIELD_BY_NAME.get('consent')!.values as readonly unknown[]).includes(value)) throw new Error(`bad channel ${String(value)}`)
  return value as string
}

function productBit(code: string, context: CompileContext, path: string): number {
  const bit = context.productBits.get(code)
  if (bit === undefined) throw new DomainError('invalid_input', `${at(path, 'value')}: unknown product code ${code}`, reason('rule.unknown_product', { path: at(path, 'value'), product: code }))
  return bit
}

function holds(mask: RawBuilder<unknown>, bit: number, op: string): RawBuilder<unknown> {
  // The bit is a small integer from our own catalogue, inlined so that every engine types it alike.
  const held = sql`((${mask} >> ${sql.lit(bit)}) & 1) = 1`
  return op === 'holds' ? held : sql`NOT ${held}`
}

// A number from a rule is always compared as double precision: PostgreSQL would otherwise type
// the parameter after the column (product_count > 2.5 failed as "invalid input for integer"), and
// the DuckDB mirror types it after the JS value; both engines then compare alike.
function num(value: Condition['value']): RawBuilder<unknown> {
  return sql`CAST(${value} AS double precision)`
}

function compareNumber(column: RawBuilder<unknown>, op: string, value: Condition['value']): RawBuilder<unknown> {
  switch (op) {
    case 'eq': return sql`${column} = ${num(value)}`
    case 'ne': return sql`${column} <> ${num(value)}`
    case 'lt': return sql`${column} < ${num(value)}`
    case 'lte': return sql`${column} <= ${num(value)}`
    case 'gt': return sql`${column} > ${num(value)}`
    case 'gte': return sql`${column} >= ${num(value)}`
    case 'between': {
      const [low, high] = value as readonly [number, number]
      return sql`${column} BETWEEN ${num(low)} AND ${num(high)}`
    }
    case 'is_null': return sql`${column} IS NULL`
    case 'not_null': return sql`${column} IS NOT NULL`
  }
  throw new Error(`unknown number operator ${op}`)
}

function compareCode(column: RawBuilder<unknown>, op: string, value: Condition['value']): RawBuilder<unknown> {
  const list = Array.isArray(value) ? (value as string[]) : [value as string]
  const values = sql.join(list.map((v) => sql`${v}`))
  return op === 'eq' || op === 'in' ? sql`${column} IN (${values})` : sql`${column} NOT IN (${values})`
}

/**
 * A whole-number fact counted from a date (age from birth date): value ≥ k ⇔ date ≤ cutoff(k).
 * Non-integer bounds round the way whole numbers compare (age > 30.5 ⇔ age ≥ 31).
 */
function compareDateDerived(
  derived: { column: string; cutoff: (today: string, k: number) => string },
  op: string,
  value: Condition['value'],
  today: string,
): RawBuilder<unknown> {
  const column = col(derived.column)
  const atLeast = (k: number) => sql`${column} <= CAST(${derived.cutoff(today, k)} AS DATE)`
  const below = (k: number) => sql`${column} > CAST(${derived.cutoff(today, k)} AS DATE)`
  const n = value as number
  switch (op) {
    case 'gte': return atLeast(Math.ceil(n))
    case 'gt': return atLeast(Math.floor(n) + 1)
    case 'lte': return below(Math.floor(n) + 1)
    case 'lt': return below(Math.ceil(n))
    case 'eq': return Number.isInteger(n) ? sql`(${atLeast(n)} AND ${below(n + 1)})` : sql`false`
    case 'ne': return Number.isInteger(n) ? sql`(${below(n)} OR ${atLeast(n + 1)})` : sql`${column} IS NOT NULL`
    case 'between': {
      const [low, high] = value as readonly [number, number]
      return sql`(${atLeast(Math.ceil(low))} AND ${below(Math.floor(high) + 1)})`
    }
    case 'is_null': return sql`${column} IS NULL`
    case 'not_null': return sql`${column} IS NOT NULL`
  }
  throw new Error(`unknown operator ${op}`)
}

function compileRecency(rule: Condition, context: CompileContext, state: State): RawBuilder<unknown> {
  const since = addDays(context.today, -(rule.value as number))
  const recent = rule.program ? recentByProgram(rule, bankDayStartSql(since, context.timeZone ?? 'UTC'), state) : recentInProfile(rule, since)
  return rule.op === 'within_days' ? recent : sql`NOT ${recent}`
}

function recentInProfile(rule: Condition, since: string): RawBuilder<unknown> {
  const column = rule.channel ? `last_${channelOf(rule.channel)}_contact_on` : RECENCY_COLUMNS[rule.field]
  return sql`COALESCE(${col(column)} >= CAST(${since} AS DATE), false)`
}

// The client's score under the newest uplift model whose scoring finished (of the named program,
// else of any): a lookup by client_scores' key. Scores live in PostgreSQL only, so the DuckDB
// mirror of the profile needs no copy of them — a rule that reads one is counted in PostgreSQL.
function upliftScore(rule: Condition, state: State): RawBuilder<unknown> {
  state.needsPostgres = true
  const program = rule.program ? sql`AND u.program_id = (SELECT g.id FROM programs g WHERE g.code = ${rule.program})` : sql``
  return sql`(SELECT s.score FROM client_scores s WHERE s.client_id = p.client_id
    AND s.model_id = (SELECT max(u.id) FROM uplift_models u WHERE u.scored_at IS NOT NULL ${program}))`
}

// A program qualifier needs the contact or response history itself, not the profile's summary.
// The history holds instants; `since` is the start of that bank day.
function recentByProgram(rule: Condition, since: RawBuilder<Date>, state: State): RawBuilder<unknown> {
  state.needsPostgres = true
  const channel = rule.channel ? sql`AND h.channel = ${rule.channel}` : sql``
  if (rule.field === 'responded') {
    return sql`EXISTS (SELECT 1 FROM responses h JOIN programs g ON g.id = h.program_id
      WHERE h.client_id = p.client_id AND g.code = ${rule.program} AND h.responded_at >= ${since})`
  }
  return sql`EXISTS (SELECT 1 FROM contacts h JOIN programs g ON g.id = h.program_id
    WHERE h.client_id = p.client_id AND g.code = ${rule.program} ${channel} AND h.sent_at >= ${since})`
}
