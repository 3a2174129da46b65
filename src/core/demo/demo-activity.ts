import type { Random } from './create-random.ts'
import { roundMoney } from './round-money.ts'
import type { DemoClientProfile } from './demo-client-profile.ts'
import type { DemoHolding } from './demo-holdings.ts'
import { DEMO_PRODUCT_TYPE } from './demo-products.ts'
import type { DemoMonth } from './demo-world.ts'

export type DemoActivity = {
  /** 'YYYY-MM-01' */
  month: string
  turnover: number
  transactions: number
  cardSpend: number
  mobileLogins: number
  branchVisits: number
}

// Spending by calendar month: the January lull after the December peak, a little more in summer.
const SEASON = [0.85, 0.9, 1, 1, 1.03, 1.05, 1.08, 1.06, 0.98, 1, 1.03, 1.3] as const
const MONTH_DAYS = 30.44
// Churned clients wind down over the half-year before they leave.
const WIND_DOWN_MONTHS = 6

type Span = { from: number; to: number }

/**
 * Monthly aggregates for every month the client was with the bank: card turnover follows income
 * (the whole salary when it is paid here), the season and the client's trend: growing for some,
 * falling for the active clients about to churn, winding down before a churned client's status date.
 */
export function demoActivity(random: Random, p: DemoClientProfile, holdings: readonly DemoHolding[], months: readonly DemoMonth[]): DemoActivity[] {
  const salary = spansOf(holdings, (h) => h.productCode === 'DC_SALARY')
  const cards = spansOf(holdings, (h) => DEMO_PRODUCT_TYPE[h.productCode] === 'debit_card' || DEMO_PRODUCT_TYPE[h.productCode] === 'credit_card')
  const spending = spansOf(holdings, (h) => DEMO_PRODUCT_TYPE[h.productCode] === 'current_account').concat(cards)
  const mobile = spansOf(holdings, (h) => h.productCode === 'RB_MOBILE')
  const salaryShare = random.between(0.7, 1.1)
  const otherShare = random.between(0.2, 0.6)
  const cardShare = random.between(0.4, 0.85)
  const ticket = random.between(600, 2_500) * (p.age > 55 ? 1.3 : 1)
  const logins = random.between(4, 40) * (p.age < 35 ? 1.3 : p.age > 60 ? 0.5 : 1)
  const visitChance = (p.age < 35 ? 0.08 : p.age < 60 ? 0.2 : 0.6) * (mobile.length === 0 ? 2 : 1)
  const trendOf = trendCurve(random, p, months)
  const rows: DemoActivity[] = []
  for (let i = 0; i < months.length; i++) {
    const month = months[i]
    if (month.endDay < p.sinceDay) continue
    if (p.statusDay !== null && month.day > p.statusDay) break
    const base = isOpen(salary, month) ? p.income * salaryShare : isOpen(spending, month) ? p.income * otherShare : 0
    const trend = trendOf(i, month)
    const turnover = roundMoney(base * trend * SEASON[month.calendarMonth] * Math.exp(0.15 * random.normal()))
    rows.push({
      month: month.iso,
      turnover,
      transactions: Math.round((turnover / ticket) * random.between(0.85, 1.15)),
      cardSpend: isOpen(cards, month) ? roundMoney(turnover * cardShare) : 0,
      mobileLogins: isOpen(mobile, month) ? Math.round(logins * Math.sqrt(trend) * random.between(0.7, 1.3)) : 0,
      branchVisits: (random.chance(visitChance) ? 1 : 0) + (random.chance(visitChance / 4) ? 1 : 0),
    })
  }
  return rows
}

/** The client's trend as a multiplier for month i. */
function trendCurve(random: Random, p: DemoClientProfile, months: readonly DemoMonth[]): (i: number, month: DemoMonth) => number {
  const last = months.length - 1
  if (p.status === 'churned') {
    const statusDay = p.statusDay ?? 0
    return (_i, month) => Math.max(0.05, Math.min(1, (statusDay - month.day) / MONTH_DAYS / WIND_DOWN_MONTHS))
  }
  if (p.trend === 'growing') {
    const growth = random.between(0.2, 0.7)
    return (i) => 1 + (growth * i) / last
  }
  if (p.trend === 'falling') {
    const start = last - random.int(3, 6)
    const depth = random.between(0.5, 0.9)
    return (i) => (i <= start ? 1 : 1 - (depth * (i - start)) / (last - start))
  }
  return () => 1
}

function isOpen(spans: readonly Span[], month: DemoMonth): boolean {
  for (const span of spans) if (span.from <= month.endDay && span.to >= month.day) return true
  return false
}

function spansOf(holdings: readonly DemoHolding[], take: (h: DemoHolding) => boolean): Span[] {
  const spans: Span[] = []
  for (const h of holdings) if (take(h)) spans.push({ from: h.openedDay, to: h.closedDay ?? Number.POSITIVE_INFINITY })
  return spans
}
