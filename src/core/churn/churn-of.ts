import type { ChurnCriterion, ChurnDefinition } from '../../contract/churn-schemas.ts'
import { addMonths } from '../selection/calendar.ts'
import type { ClientChurnFacts } from './client-churn-facts.ts'

export type ChurnStatus = { churnedOn: string; criteria: ChurnCriterion[] }

export type ChurnOfInput = {
  definition: ChurnDefinition
  facts: Pick<ClientChurnFacts, 'holdings' | 'activity'>
  /** The day the client is judged on: only what the bank knew by then counts. */
  asOf: string
}

/**
 * Whether a client has churned as of a day under the bank's definition, and since when: the
 * earliest day among the criteria met, each with its own date —
 * - all products closed: the day the last one was closed (a client who never held one has not churned);
 * - inactive: the first day after `inactiveMonths` whole calendar months without a transaction,
 *   counted from the last month with one. A client with no transaction in the data at all is not
 *   judged by it: a deposit holder who never uses a card has not left, and the bank's activity
 *   history is shorter than its clients' (the demo keeps 15 months);
 * - salary card stopped: the day the last of the salary products was closed, none being open.
 * Judged as of a day, a product closed later is open and activity from that month on is unseen,
 * so the same rule gives the churn label at a model's horizon and the status today.
 */
export function churnOf(input: ChurnOfInput): ChurnStatus | undefined {
  const { definition, asOf } = input
  const holdings = input.facts.holdings.filter((h) => h.openedAt <= asOf)
  if (holdings.length === 0) return undefined
  const dates: [ChurnCriterion, string][] = []
  if (definition.allProductsClosed) {
    const closed = lastClosing(holdings, asOf)
    if (closed) dates.push(['all_products_closed', closed])
  }
  if (definition.inactiveMonths !== null) {
    const since = inactiveSince(input.facts.activity, definition.inactiveMonths, asOf)
    if (since) dates.push(['inactive', since])
  }
  if (definition.salaryCardStopped) {
    const salary = holdings.filter((h) => definition.salaryProducts.includes(h.productCode))
    const closed = salary.length === 0 ? undefined : lastClosing(salary, asOf)
    if (closed) dates.push(['salary_card_stopped', closed])
  }
  if (dates.length === 0) return undefined
  return { churnedOn: dates.map(([, day]) => day).sort()[0], criteria: dates.map(([criterion]) => criterion) }
}

/** The day the last of these holdings was closed, if all were closed by `asOf`. */
function lastClosing(holdings: ClientChurnFacts['holdings'], asOf: string): string | undefined {
  let last = ''
  for (const h of holdings) {
    if (h.closedAt === null || h.closedAt > asOf) return undefined
    if (h.closedAt > last) last = h.closedAt
  }
  return last
}

function inactiveSince(activity: ClientChurnFacts['activity'], months: number, asOf: string): string | undefined {
  const current = `${asOf.slice(0, 7)}-01`
  let last = ''
  for (const a of activity) if (a.transactions > 0 && a.month < current && a.month > last) last = a.month
  if (last === '') return undefined
  const since = addMonths(last, months + 1)
  return since <= asOf ? since : undefined
}
