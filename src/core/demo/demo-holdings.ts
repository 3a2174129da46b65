import type { Random } from './create-random.ts'
import { roundMoney } from './round-money.ts'
import { dayOfIso } from './day-number.ts'
import type { DemoClientProfile } from './demo-client-profile.ts'

export type DemoHolding = {
  productCode: string
  openedDay: number
  closedDay: number | null
  /** Money on the account; for credit cards and loans, the debt outstanding. 0 once closed. */
  balance: number
  /** Credit cards only. */
  creditLimit: number | null
}

const MONTH_DAYS = 30.44
const MOBILE_BANK_LAUNCH = dayOfIso('2013-04-01')

/**
 * One client's products, following the natural next products (DOMAIN.md): salary card → credit
 * card → consumer loan; savings → deposit → investments; mortgage → insurance. Churned and deceased
 * clients held them until their status date and have closed them all since.
 */
export function demoHoldings(random: Random, profile: DemoClientProfile, today: number): DemoHolding[] {
  const asOf = profile.statusDay ?? today
  const holdings: DemoHolding[] = []
  const salaryDay = addEverydayBanking(random, profile, asOf, holdings)
  addCredit(random, profile, { asOf, salaryDay }, holdings)
  addSavings(random, profile, asOf, holdings)
  if (profile.status !== 'active') closeAll(random, profile, today, holdings)
  else if (profile.trend === 'falling') moveSalaryAway(random, today, holdings)
  return holdings.sort((a, b) => a.openedDay - b.openedDay)
}

/** Cards, current account and mobile bank; returns the day the salary card was opened, if any. */
function addEverydayBanking(random: Random, p: DemoClientProfile, asOf: number, holdings: DemoHolding[]): number | null {
  let salaryDay: number | null = null
  if (p.salaryProject) {
    // Half joined through their employer; the others moved their salary here later.
    salaryDay = random.chance(0.5) ? p.sinceDay : dayIn(random, p.sinceDay, asOf)
    holdings.push(account('DC_SALARY', salaryDay, roundMoney(p.income * random.between(0.1, 0.9))))
  }
  const debitChance = p.salaryProject ? 0.1 : p.age >= 65 ? 0.8 : 0.86
  if (random.chance(debitChance)) {
    const openedDay = salaryDay === p.sinceDay ? dayIn(random, p.sinceDay, asOf) : p.sinceDay
    holdings.push(account('DC_STD', openedDay, roundMoney(p.income * random.between(0.05, 0.6))))
  }
  const hasCard = holdings.length > 0
  if (random.chance(hasCard ? 0.25 + (p.savings > 1_000_000 ? 0.3 : 0) : 0.7)) {
    const openedDay = hasCard ? dayIn(random, p.sinceDay, asOf) : p.sinceDay
    holdings.push(account('CA_RUB', openedDay, roundMoney(1_000 + p.savings * random.between(0.01, 0.1))))
  }
  const mobileChance = p.age < 35 ? 0.88 : p.age < 55 ? 0.78 : p.age < 65 ? 0.55 : 0.28
  if (holdings.length > 0 && random.chance(mobileChance)) {
    holdings.push(account('RB_MOBILE', dayIn(random, Math.max(p.sinceDay, MOBILE_BANK_LAUNCH), asOf), 0))
  }
  return salaryDay
}

function addCredit(
  random: Random,
  p: DemoClientProfile,
  at: { asOf: number; salaryDay: number | null },
  holdings: DemoHolding[],
): void {
  const salaried = at.salaryDay !== null
  const creditCardDay = addCreditCard(random, p, at, holdings)
  const cashLoanChance = p.age >= 21 && p.age <= 68 ? 0.11 + (creditCardDay !== null ? 0.13 : 0) + (salaried ? 0.04 : 0) : 0
  let loanDay: number | null = null
  if (random.chance(cashLoanChance)) {
    const amount = clamp(roundTo(p.income * random.between(3, 12), 10_000), 50_000, 5_000_000)
    const from = creditCardDay ?? p.sinceDay
    loanDay = addLoan(random, { code: 'CL_CASH', from, asOf: at.asOf, termMonths: random.pick(LOAN_TERMS), amount }, holdings)
  }
  if (random.chance(0.1 + (creditCardDay !== null ? 0.06 : 0))) {
    addRepaidLoan(random, { code: 'CL_CASH', from: p.sinceDay, asOf: at.asOf, termMonths: random.pick(LOAN_TERMS) }, holdings)
  }
  if (p.age >= 23 && p.age <= 62 && random.chance(0.02 + (p.income > 90_000 ? 0.03 : 0))) {
    const amount = clamp(roundTo(p.income * random.between(8, 25), 10_000), 400_000, 6_000_000)
    addLoan(random, { code: 'CAR_LOAN', from: p.sinceDay, asOf: at.asOf, termMonths: 60, amount }, holdings)
  }
  const mortgageDay = addMortgage(random, p, at, holdings)
  const insuranceDay = mortgageDay !== null && random.chance(0.75)
    ? mortgageDay
    : loanDay !== null && random.chance(0.2) ? loanDay : random.chance(0.015) ? dayIn(random, p.sinceDay, at.asOf) : null
  if (insuranceDay !== null) holdings.push(account('INS_LIFE', insuranceDay, 0))
}

const LOAN_TERMS = [12, 24, 36, 48, 60] as const

function addCreditCard(random: Random, p: DemoClientProfile, at: { asOf: number; salaryDay: number | null }, holdings: DemoHolding[]): number | null {
  if (p.age < 21 || p.age > 70) return null
  const chance = (0.13 + (at.salaryDay !== null ? 0.16 : 0) + (p.income > 80_000 ? 0.05 : 0)) * (p.age > 60 ? 0.5 : 1)
  if (!random.chance(chance)) return null
  // Salary clients are offered a credit card once the bank has seen a few salaries.
  const openedDay = dayIn(random, at.salaryDay === null ? p.sinceDay : Math.min(at.salaryDay + 60, at.asOf), at.asOf)
  const gold = p.income > 150_000
  const limit = clamp(roundTo(p.income * random.between(1, 3), 10_000), gold ? 150_000 : 30_000, 1_500_000)
  const debt = random.chance(0.4) ? 0 : roundMoney(limit * random.between(0.05, 0.9))
  holdings.push({ productCode: gold ? 'CC_GOLD' : 'CC_CLASSIC', openedDay, closedDay: null, balance: debt, creditLimit: limit })
  return openedDay
}

function addMortgage(random: Random, p: DemoClientProfile, at: { asOf: number; salaryDay: number | null }, holdings: DemoHolding[]): number | null {
  const chance = p.age >= 25 && p.age <= 45
    ? 0.06 + (p.income > 100_000 ? 0.06 : 0) + (at.salaryDay !== null ? 0.03 : 0)
    : p.age > 45 && p.age <= 55 ? 0.045 : p.age > 55 && p.age <= 62 ? 0.015 : 0
  if (!random.chance(chance)) return null
  const amount = clamp(roundTo(p.income * random.between(40, 100), 100_000), 1_500_000, 30_000_000)
  return addLoan(random, { code: 'MORTGAGE', from: p.sinceDay, asOf: at.asOf, termMonths: 240, amount }, holdings)
}

type LoanInput = { code: string; from: number; asOf: number; termMonths: number }

/** A loan still running: opened within its term, paid down in equal parts since. */
function addLoan(random: Random, input: LoanInput & { amount: number }, holdings: DemoHolding[]): number {
  const termDays = input.termMonths * MONTH_DAYS
  const openedDay = dayIn(random, Math.max(input.from, input.asOf - Math.floor(termDays) + 1), input.asOf)
  const outstanding = input.amount * (1 - (input.asOf - openedDay) / termDays)
  holdings.push({ productCode: input.code, openedDay, closedDay: null, balance: roundMoney(outstanding), creditLimit: null })
  return openedDay
}

/** A loan repaid in the past, often early. */
function addRepaidLoan(random: Random, input: LoanInput, holdings: DemoHolding[]): void {
  const shortest = Math.floor(input.termMonths * MONTH_DAYS * 0.6)
  if (input.asOf - input.from <= shortest + 1) return
  const openedDay = dayIn(random, input.from, input.asOf - shortest - 1)
  const closedDay = Math.min(input.asOf - 1, openedDay + Math.floor(input.termMonths * MONTH_DAYS * random.between(0.6, 1)))
  holdings.push({ productCode: input.code, openedDay, closedDay, balance: 0, creditLimit: null })
}

function addSavings(random: Random, p: DemoClientProfile, asOf: number, holdings: DemoHolding[]): void {
  // Everyone holds something open: a client with no card or account came for a deposit.
  const forced = !holdings.some((h) => h.closedDay === null)
  const depositChance = clamp(
    0.02 + 0.0045 * (p.age - 18) + 0.06 * Math.log(Math.max(1, p.savings / 100_000)) + 0.05 * Math.log(Math.max(1, p.income / 40_000)),
    0.02,
    0.9,
  )
  let depositDay: number | null = null
  if (forced || random.chance(depositChance)) {
    depositDay = forced ? p.sinceDay : dayIn(random, p.sinceDay, asOf)
    const term = random.chance(0.65)
    if (term) {
      // Prolonged every year since it was first placed: it matures within the coming year.
      const openedDay = depositDay + 365 * Math.floor((asOf - depositDay) / 365)
      holdings.push(account('TD_12M', openedDay, roundTo(Math.max(10_000, p.savings * random.between(0.4, 0.8)), 1_000)))
    }
    if (!term || random.chance(0.35)) holdings.push(account('SAV', depositDay, roundMoney(Math.max(1_000, p.savings * random.between(0.1, 0.5)))))
  } else if (asOf - p.sinceDay > 400 && random.chance(0.12)) {
    // A deposit that matured and was taken away.
    const openedDay = dayIn(random, p.sinceDay, asOf - 366)
    holdings.push({ productCode: 'TD_12M', openedDay, closedDay: openedDay + 365, balance: 0, creditLimit: null })
  }
  const investChance = (p.savings > 3_000_000 ? 0.35 : p.savings > 1_000_000 ? 0.15 : p.savings > 300_000 ? 0.04 : 0.005) *
    (depositDay !== null ? 1.5 : 1)
  if (random.chance(investChance)) {
    holdings.push(account('INV', dayIn(random, depositDay ?? p.sinceDay, asOf), roundMoney(p.savings * random.between(0.2, 0.8))))
  }
}

/** Churned clients closed their products over the months before their status date, the last one
 * on it; a deceased client's products are closed by the bank in the months after. */
function closeAll(random: Random, p: DemoClientProfile, today: number, holdings: DemoHolding[]): void {
  const statusDay = p.statusDay ?? today
  const open = holdings.filter((h) => h.closedDay === null)
  for (const holding of open) {
    holding.closedDay = p.status === 'deceased'
      ? Math.min(today, statusDay + random.int(30, 180))
      : Math.max(holding.openedDay, statusDay - random.int(0, 150))
    holding.balance = 0
  }
  if (p.status === 'churned' && open.length > 0) random.pick(open).closedDay = statusDay
}

/** Half of the clients about to churn have already moved their salary to another bank (but still
 * hold something else: a client with nothing open has churned). */
function moveSalaryAway(random: Random, today: number, holdings: DemoHolding[]): void {
  const salary = holdings.find((h) => h.productCode === 'DC_SALARY' && h.closedDay === null)
  const other = holdings.some((h) => h !== salary && h.closedDay === null)
  if (!salary || !other || !random.chance(0.5)) return
  salary.closedDay = Math.max(salary.openedDay, today - random.int(20, 150))
  salary.balance = 0
}

function account(productCode: string, openedDay: number, balance: number): DemoHolding {
  return { productCode, openedDay, closedDay: null, balance, creditLimit: null }
}

/** A day in [from, to]; `to` when the range is empty. */
function dayIn(random: Random, from: number, to: number): number {
  return to <= from ? to : from + random.int(0, to - from)
}

function roundTo(amount: number, step: number): number {
  return Math.round(amount / step) * step
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
