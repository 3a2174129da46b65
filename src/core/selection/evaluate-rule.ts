import { bankDayStart } from '../bank-day.ts'
import { addDays, daysBetween, fullMonths, fullYears } from './calendar.ts'
import type { CompileContext } from './compile-rule.ts'
import type { ProfileRow } from './profile-row.ts'
import { isCondition, type Condition, type Rule } from '../../contract/rule.ts'
import { PRODUCT_TYPES } from '../../contract/product-types.ts'

// The meaning of a rule for one client, written independently of the SQL compiler: the property
// tests check that the database returns exactly the clients this function accepts. Rules with a
// program qualifier read the contact and response history, given in the context's programHistory.

/** One client's contacts and responses by program, for program-qualified recency. */
export type ProgramHistory = {
  contacts: readonly { program: string; channel: string; sentAt: string }[]
  responses: readonly { program: string; respondedAt: string }[]
}

export type EvaluateContext = CompileContext & {
  /** The history of each client by id; without it a program-qualified condition cannot be evaluated. */
  programHistory?: ReadonlyMap<number, ProgramHistory>
  /** Each client's score under the newest scored uplift model, by program code ('' for any program's newest). */
  upliftScores?: ReadonlyMap<string, ReadonlyMap<number, number>>
}

export function evaluateRule(rule: Rule, row: ProfileRow, context: EvaluateContext): boolean {
  if ('all' in rule) return rule.all.every((r) => evaluateRule(r, row, context))
  if ('any' in rule) return rule.any.some((r) => evaluateRule(r, row, context))
  if ('not' in rule) return !evaluateRule(rule.not, row, context)
  if (!isCondition(rule)) throw new Error('unreachable')
  if (rule.field === 'selection') {
    const inner = evaluateRule(context.selections.get(rule.value as number)!, row, context)
    return rule.op === 'in' ? inner : !inner
  }
  return evaluateCondition(rule, row, context) === true
}

const NUMBER_VALUES: Record<string, (row: ProfileRow, today: string) => number | null> = {
  age: (r, t) => (r.birth_date ? fullYears(r.birth_date, t) : null),
  tenure_months: (r, t) => (r.client_since ? fullMonths(r.client_since, t) : null),
  days_since_product_opened: (r, t) => (r.last_opened_on ? daysBetween(r.last_opened_on, t) : null),
  days_since_product_closed: (r, t) => (r.last_closed_on ? daysBetween(r.last_closed_on, t) : null),
  income: (r) => r.income,
  product_count: (r) => r.product_count,
  deposit_balance: (r) => r.deposit_balance,
  loan_balance: (r) => r.loan_balance,
  credit_limit: (r) => r.credit_limit,
  turnover_1m: (r) => r.turnover_1m,
  turnover_3m: (r) => r.turnover_3m,
  turnover_12m: (r) => r.turnover_12m,
  transactions_1m: (r) => r.transactions_1m,
  transactions_3m: (r) => r.transactions_3m,
  turnover_trend: (r) => r.turnover_trend,
  churn_score: (r) => r.churn_score,
  propensity_score: (r) => r.propensity_score,
}

const CODE_VALUES: Record<string, (row: ProfileRow) => string | null> = {
  gender: (r) => r.gender,
  region: (r) => r.region_code,
  branch: (r) => r.branch_code,
  segment: (r) => r.segment,
  status: (r) => r.status,
}

function evaluateCondition(c: Condition, row: ProfileRow, context: EvaluateContext): boolean {
  if (c.field === 'uplift_score') {
    if (!context.upliftScores) throw new Error('uplift_score needs the scores')
    return compareNumber(context.upliftScores.get(c.program ?? '')?.get(row.client_id) ?? null, c)
  }
  if (c.field in NUMBER_VALUES) return compareNumber(NUMBER_VALUES[c.field](row, context.today), c)
  if (c.field in CODE_VALUES) {
    const value = CODE_VALUES[c.field](row)
    if (value === null) return false
    const list = Array.isArray(c.value) ? (c.value as string[]) : [c.value as string]
    return c.op === 'eq' || c.op === 'in' ? list.includes(value) : !list.includes(value)
  }
  const flag = { vip: row.vip, do_not_contact: row.do_not_contact, open_complaint: row.has_open_complaint }[c.field as 'vip']
  if (flag !== undefined) return c.op === 'is_true' ? flag : !flag
  if (c.field === 'consent') {
    const granted = row[`consent_${c.value as 'email'}`]
    return c.op === 'has' ? granted : !granted
  }
  if (c.field === 'product' || c.field === 'product_type') {
    const bit = c.field === 'product' ? context.productBits.get(c.value as string)! : PRODUCT_TYPES.indexOf(c.value as never)
    const mask = c.field === 'product' ? row.product_mask : row.type_mask
    const held = Math.floor(mask / 2 ** bit) % 2 === 1
    return c.op === 'holds' ? held : !held
  }
  if (c.program) return evaluateProgramRecency(c, row.client_id, context)
  return evaluateRecency(c, row, context.today)
}

function compareNumber(value: number | null, c: Condition): boolean {
  if (c.op === 'is_null') return value === null
  if (c.op === 'not_null') return value !== null
  if (value === null) return false
  const n = c.value as number
  switch (c.op) {
    case 'eq': return value === n
    case 'ne': return value !== n
    case 'lt': return value < n
    case 'lte': return value <= n
    case 'gt': return value > n
    case 'gte': return value >= n
    case 'between': {
      const [low, high] = c.value as readonly [number, number]
      return value >= low && value <= high
    }
  }
  throw new Error(`unknown operator ${c.op}`)
}

function evaluateRecency(c: Condition, row: ProfileRow, today: string): boolean {
  const column = c.channel
    ? (`last_${c.channel}_contact_on` as const)
    : ({ contacted: 'last_contact_on', responded: 'last_response_on', complained: 'last_complaint_on' } as const)[c.field as 'contacted']
  const last = row[column]
  const recent = last !== null && daysBetween(last, today) <= (c.value as number)
  return c.op === 'within_days' ? recent : !recent
}

// Contacted (or responded) by the program since the start of the bank day `value` days ago.
function evaluateProgramRecency(c: Condition, clientId: number, context: EvaluateContext): boolean {
  const history = context.programHistory
  if (!history) throw new Error('program-qualified recency needs the contact history')
  const since = bankDayStart(addDays(context.today, -(c.value as number)), context.timeZone ?? 'UTC')
  const own = history.get(clientId) ?? { contacts: [], responses: [] }
  const recent =
    c.field === 'responded'
      ? own.responses.some((r) => r.program === c.program && Date.parse(r.respondedAt) >= since)
      : own.contacts.some((t) => t.program === c.program && (!c.channel || t.channel === c.channel) && Date.parse(t.sentAt) >= since)
  return c.op === 'within_days' ? recent : !recent
}
