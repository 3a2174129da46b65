import type { ProductType } from '../../contract/product-types.ts'
import type { RequestCategory } from '../../contract/request-categories.ts'
import type { Segment } from '../../contract/segments.ts'
import { createRandom } from './create-random.ts'
import { calendarMonth, isoTimestamp } from './day-number.ts'
import { weightedChoice } from './weighted-choice.ts'

// What the demo bank's branches heard over the last fifteen months: requests for products and
// conditions the bank has not, each template the words a client would use. `idea` names the demo
// idea (demo-product-ideas.ts) it is evidence for; the board links the requests by it.

export type DemoRequestTemplate = {
  body: string
  category: RequestCategory
  productType: ProductType | null
  idea: string | null
  /** How often it is heard, relative to the others. */
  weight: number
  /** Who asks it more: the segments whose clients raise it three times as often. */
  segments?: readonly Segment[]
  /** Heard more in these calendar months (0 = January): deposits at year end, travel cards before summer. */
  season?: readonly number[]
  /** A request that grows over the period (the yuan after 2022, cashback wars). */
  growing?: boolean
}

export const DEMO_REQUEST_TEMPLATES: readonly DemoRequestTemplate[] = [
  { body: 'Хочет открыть вклад в юанях', category: 'deposit_terms', productType: 'term_deposit', idea: 'CNY_DEPOSIT', weight: 6, segments: ['mass_affluent', 'premium'], growing: true },
  { body: 'Спрашивала, можно ли держать деньги в юанях на накопительном счёте', category: 'deposit_terms', productType: 'savings_account', idea: 'CNY_DEPOSIT', weight: 3, segments: ['premium', 'private'], growing: true },
  { body: 'Просит вклад с пополнением и частичным снятием без потери процентов', category: 'deposit_terms', productType: 'term_deposit', idea: 'FLEX_DEPOSIT', weight: 5, season: [10, 11, 0] },
  { body: 'В другом банке вклад на 3 месяца под более высокую ставку, просит такой же', category: 'deposit_terms', productType: 'term_deposit', idea: 'FLEX_DEPOSIT', weight: 4, season: [11, 0] },
  { body: 'Хочет кэшбэк за покупки на АЗС и в аптеках', category: 'card_features', productType: 'debit_card', idea: 'CASHBACK_CATEGORIES', weight: 7, segments: ['mass'], growing: true },
  { body: 'Просит выбирать категории повышенного кэшбэка каждый месяц', category: 'card_features', productType: 'debit_card', idea: 'CASHBACK_CATEGORIES', weight: 5, segments: ['mass', 'mass_affluent'] },
  { body: 'Нужна карта для поездок за границу, работающая в других странах', category: 'card_features', productType: 'debit_card', idea: 'TRAVEL_CARD', weight: 4, season: [4, 5, 6], segments: ['mass_affluent', 'premium'] },
  { body: 'Просит детскую карту с контролем расходов из приложения родителя', category: 'card_features', productType: 'debit_card', idea: 'KIDS_CARD', weight: 4, season: [7, 8] },
  { body: 'Хочет ипотеку на строительство частного дома', category: 'lending_terms', productType: 'mortgage', idea: 'HOUSE_MORTGAGE', weight: 3, season: [2, 3, 4] },
  { body: 'Спрашивал кредит на обучение с отсрочкой платежей', category: 'lending_terms', productType: 'consumer_loan', idea: null, weight: 2, season: [6, 7] },
  { body: 'Просит досрочно погашать кредит из приложения без визита в отделение', category: 'remote_banking', productType: 'consumer_loan', idea: null, weight: 3 },
  { body: 'Хочет покупать облигации федерального займа через банк', category: 'investments', productType: 'investment', idea: 'OFZ_ACCESS', weight: 3, segments: ['premium', 'private'] },
  { body: 'Просит доверительное управление с небольшой суммой входа', category: 'investments', productType: 'investment', idea: null, weight: 2, segments: ['mass_affluent', 'premium'] },
  { body: 'Нужна возможность оплачивать ЖКУ по расписанию в приложении', category: 'remote_banking', productType: 'remote_banking', idea: 'APP_AUTOPAY', weight: 4, growing: true },
  { body: 'Просит вход в приложение по лицу, как в других банках', category: 'remote_banking', productType: 'remote_banking', idea: 'APP_AUTOPAY', weight: 2 },
  { body: 'Недоволен платой за обслуживание карты, у конкурента бесплатно', category: 'fees', productType: 'debit_card', idea: 'FREE_PACKAGE', weight: 5, segments: ['mass'] },
  { body: 'Хочет пакет услуг с бесплатными переводами и снятием наличных', category: 'fees', productType: 'current_account', idea: 'FREE_PACKAGE', weight: 3 },
  { body: 'Просит отделение, работающее по субботам', category: 'service', productType: null, idea: null, weight: 3 },
  { body: 'Хочет личного менеджера, хотя остатки ниже порога премиального сегмента', category: 'service', productType: null, idea: null, weight: 2, segments: ['mass_affluent'] },
  { body: 'Спрашивал банковскую ячейку для хранения документов', category: 'new_product', productType: null, idea: 'SAFE_BOX', weight: 2, segments: ['premium', 'private'] },
  { body: 'Хочет страховку питомца', category: 'new_product', productType: 'insurance', idea: null, weight: 1 },
  { body: 'Просит обслуживание на английском языке', category: 'other', productType: null, idea: null, weight: 1 },
]

export type DemoRequestClient = { id: number; segment: Segment; branchId: number | null }

export type DemoClientRequest = { clientId: number; branchId: number | null; segment: Segment; template: DemoRequestTemplate; createdAt: string }

/** How many requests a bank of this size heard: about one per hundred clients, at least enough to draw. */
export function demoRequestCount(clients: number): number {
  return Math.min(1500, Math.max(80, Math.round(clients / 100)))
}

/**
 * `count` requests from the given clients over the fifteen months before `today` (a day number):
 * a template by weight, raised for its segments and season, growing ones more often lately. A
 * client asks once or twice. The same seed gives the same requests.
 */
export function demoClientRequests(input: { seed: number; today: number; count: number; clients: readonly DemoRequestClient[]; utcOffsetHours?: number }): DemoClientRequest[] {
  const random = createRandom(input.seed, 0x7265)
  if (input.clients.length === 0) return []
  const span = 456
  const requests: DemoClientRequest[] = []
  for (let n = 0; n < input.count; n++) {
    const client = input.clients[random.int(0, input.clients.length - 1)]!
    // Later days more often: the branches record more once the practice takes hold.
    const day = input.today - Math.floor(span * (1 - Math.sqrt(random.next())))
    const month = calendarMonth(day)
    const recency = 1 - (input.today - day) / span
    const weight = (t: DemoRequestTemplate) => t.weight * (t.segments?.includes(client.segment) ? 3 : 1) * (t.season?.includes(month) ? 2.5 : 1) * (t.growing ? 0.4 + 1.6 * recency : 1)
    const template = weightedChoice(DEMO_REQUEST_TEMPLATES.map((t) => [t, weight(t)] as const))(random)
    const minute = random.int(9 * 60, 19 * 60) - (input.utcOffsetHours ?? 3) * 60
    requests.push({ clientId: client.id, branchId: client.branchId, segment: client.segment, template, createdAt: isoTimestamp(day, minute) })
  }
  return requests
}
