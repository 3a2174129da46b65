import type { CLIENT_STATUSES } from '../../contract/client-statuses.ts'
import type { Random } from './create-random.ts'
import { DAYS_PER_YEAR, yearOf } from './day-number.ts'
import type { DemoRegion } from './demo-regions.ts'
import type { DemoWorld, DemoWorldBranch } from './demo-world.ts'
import { russianFullName, type Gender, type RussianFullName } from './russian-full-name.ts'
import { transliterate } from './transliterate.ts'
import { weightedChoice } from './weighted-choice.ts'

export type ClientStatus = (typeof CLIENT_STATUSES)[number]
/** Where the client's turnover is heading: `falling` marks the active clients about to churn. */
export type ClientTrend = 'stable' | 'growing' | 'falling'

/** Who a demo client is, before products: the latent facts the holdings and activity follow. */
export type DemoClientProfile = {
  gender: Gender
  age: number
  birthDay: number
  region: DemoRegion
  branch: DemoWorldBranch
  name: RussianFullName
  /** Monthly income in roubles as the bank knows it; null for the few it does not. */
  monthlyIncome: number | null
  /** The client's real income, known or not: what product choices follow. */
  income: number
  /** Money the client could keep with the bank, roubles. */
  savings: number
  /** The employer pays the salary through the bank. */
  salaryProject: boolean
  sinceDay: number
  status: ClientStatus
  statusDay: number | null
  statusReason: string | null
  trend: ClientTrend
  doNotContact: boolean
  phone: string | null
  email: string | null
  address: string
}

const ageBand = weightedChoice<readonly [number, number]>([
  [[18, 24], 0.09], [[25, 34], 0.2], [[35, 44], 0.21], [[45, 54], 0.17], [[55, 64], 0.16], [[65, 74], 0.12], [[75, 85], 0.05],
])

// Median monthly income (roubles) by age, before the region's factor; pensions after 65.
const INCOME_MEDIAN: readonly (readonly [number, number])[] = [[24, 38_000], [34, 62_000], [44, 72_000], [54, 66_000], [64, 50_000], [200, 30_000]]
// Median savings in months of income by age: balances grow with age (DOMAIN.md).
const SAVINGS_MONTHS: readonly (readonly [number, number])[] = [[24, 0.5], [34, 1.5], [44, 3], [54, 5], [64, 8], [200, 10]]

export const CHURN_REASONS = [
  'Перевёл зарплату в другой банк', 'Ставки по вкладам выше в другом банке', 'Не устроили тарифы и комиссии',
  'Недоволен обслуживанием', 'Жалоба не решена', 'Переезд в регион без отделений банка',
  'Закрыл кредит, другие продукты не нужны', 'Причина не названа',
] as const
const churnReason = weightedChoice(CHURN_REASONS.map((reason, i) => [reason, [24, 18, 14, 10, 7, 8, 9, 10][i]] as const))
export const DECEASED_REASON = 'Смерть клиента'

const STREETS = ['ул. Ленина', 'ул. Советская', 'ул. Мира', 'ул. Гагарина', 'ул. Молодёжная', 'ул. Садовая',
  'ул. Пушкина', 'ул. Лесная', 'ул. Школьная', 'ул. Набережная', 'ул. Октябрьская', 'ул. Победы', 'ул. Кирова',
  'ул. Строителей', 'ул. Солнечная', 'ул. Чехова', 'ул. Горького', 'ул. Зелёная', 'ул. Комсомольская', 'пр. Мира']
const mailDomain = weightedChoice([['mail.ru', 35], ['yandex.ru', 30], ['gmail.com', 15], ['bk.ru', 7], ['inbox.ru', 5],
  ['list.ru', 4], ['rambler.ru', 4]] as const)

export function demoClientProfile(random: Random, world: DemoWorld): DemoClientProfile {
  const gender: Gender = random.chance(0.54) ? 'F' : 'M'
  const [minAge, maxAge] = ageBand(random)
  const age = random.int(minAge, maxAge)
  const birthDay = world.today - Math.floor((age + random.next()) * DAYS_PER_YEAR)
  const region = world.regionChoice(random)
  const branch = world.branchChoice[region.code](random)
  const name = russianFullName(random, { gender, birthYear: yearOf(birthDay), tatar: region.code === '16' })
  const rich = random.chance(0.02)
  const income = incomeOf(random, { age, region, gender, rich })
  const savings = income * byAge(SAVINGS_MONTHS, age) * Math.exp(1.1 * random.normal()) * (rich ? 4 : 1)
  const salaryChance = age < 22 ? 0.2 : age < 60 ? 0.5 : age < 65 ? 0.3 : 0.03
  const tenureYears = Math.min(age - 18, 28, -Math.log(1 - random.next()) * 6)
  const sinceDay = Math.max(world.today - Math.max(7, Math.floor(tenureYears * DAYS_PER_YEAR)), birthDay + Math.ceil(18 * DAYS_PER_YEAR))
  const status = statusOf(random, { age, sinceDay, today: world.today })
  return {
    gender, age, birthDay, region, branch, name,
    monthlyIncome: random.chance(0.03) ? null : income,
    income,
    savings: Math.round(savings),
    salaryProject: random.chance(salaryChance),
    sinceDay,
    ...status,
    trend: status.status !== 'active' ? 'stable' : random.chance(0.06) ? 'falling' : random.chance(0.16) ? 'growing' : 'stable',
    doNotContact: status.status === 'deceased' || random.chance(0.01),
    phone: random.chance(0.97) ? `79${String(random.int(0, 999_999_999)).padStart(9, '0')}` : null,
    email: emailOf(random, name, age, birthDay),
    address: `г. ${branch.city}, ${random.pick(STREETS)}, д. ${random.int(1, 150)}, кв. ${random.int(1, 320)}`,
  }
}

function incomeOf(random: Random, input: { age: number; region: DemoRegion; gender: Gender; rich: boolean }): number {
  const median = byAge(INCOME_MEDIAN, input.age) * input.region.incomeFactor * (input.gender === 'M' ? 1.12 : 0.9)
  const income = median * Math.exp(0.55 * random.normal()) * (input.rich ? random.between(3, 12) : 1)
  return Math.max(12_000, Math.round(income / 100) * 100)
}

function statusOf(
  random: Random,
  input: { age: number; sinceDay: number; today: number },
): Pick<DemoClientProfile, 'status' | 'statusDay' | 'statusReason'> {
  const deathChance = input.age >= 70 ? 0.04 : input.age >= 55 ? 0.006 : 0.001
  if (random.chance(deathChance)) {
    const statusDay = input.today - random.int(1, 720)
    if (statusDay > input.sinceDay + 30) return { status: 'deceased', statusDay, statusReason: DECEASED_REASON }
  }
  // Churn: within the last two years, at least three months after joining.
  if (random.chance(0.105)) {
    const statusDay = input.today - random.int(15, 730)
    if (statusDay > input.sinceDay + 90) return { status: 'churned', statusDay, statusReason: churnReason(random) }
  }
  return { status: 'active', statusDay: null, statusReason: null }
}

function emailOf(random: Random, name: RussianFullName, age: number, birthDay: number): string | null {
  const chance = age < 35 ? 0.85 : age < 55 ? 0.7 : age < 65 ? 0.45 : 0.2
  if (!random.chance(chance)) return null
  const first = transliterate(name.firstName)
  const surname = transliterate(name.surname)
  const year = String(yearOf(birthDay)).slice(2)
  const style = random.next()
  const local = style < 0.3 ? `${first}.${surname}` : style < 0.6 ? `${surname}.${first}${year}` : `${first[0]}${surname}${random.int(1, 999)}`
  return `${local}@${mailDomain(random)}`
}

function byAge(table: readonly (readonly [number, number])[], age: number): number {
  for (const [upTo, value] of table) if (age <= upTo) return value
  return table[table.length - 1][1]
}
