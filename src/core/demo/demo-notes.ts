import type { NoteKind } from '../../contract/note-kinds.ts'
import type { Random } from './create-random.ts'
import { isoTimestamp } from './day-number.ts'
import type { DemoClientProfile } from './demo-client-profile.ts'
import type { DemoHolding } from './demo-holdings.ts'

export type DemoNote = { kind: NoteKind; body: string; createdAt: string }

type Candidate = { kind: NoteKind; body: string; when: (facts: Facts) => boolean }
type Facts = { p: DemoClientProfile; open: ReadonlySet<string> }

// What branch staff write down: life events and intents that a CRM program can act on, service
// wishes, and the early signs of a client about to leave — among them the competitors' offers
// the client mentions, the reasons the churn list shows (app/churn).
const CANDIDATES: readonly Candidate[] = [
  { kind: 'life_event', body: 'Клиент сообщил о рождении ребёнка', when: ({ p }) => p.age >= 22 && p.age <= 42 },
  { kind: 'life_event', body: 'Клиент сообщил о предстоящей свадьбе', when: ({ p }) => p.age >= 21 && p.age <= 40 },
  { kind: 'life_event', body: 'Клиент выходит на пенсию в этом году', when: ({ p }) => p.age >= 58 && p.age <= 64 },
  { kind: 'life_event', body: 'Клиент сообщил о смене места работы', when: ({ p }) => p.age >= 22 && p.age <= 60 },
  { kind: 'life_event', body: 'Клиент планирует переезд в другой город', when: () => true },
  { kind: 'intent', body: 'Интересуется ипотекой, просил расчёт платежа', when: ({ p, open }) => p.age >= 25 && p.age <= 45 && !open.has('MORTGAGE') },
  { kind: 'intent', body: 'Спрашивал про автокредит', when: ({ p, open }) => p.age >= 23 && p.age <= 60 && !open.has('CAR_LOAN') },
  { kind: 'intent', body: 'Продаёт квартиру, хочет разместить деньги на вкладе', when: ({ p }) => p.age >= 35 },
  { kind: 'intent', body: 'Интересуется ИИС и брокерским счётом', when: ({ p, open }) => p.savings > 500_000 && !open.has('INV') },
  { kind: 'intent', body: 'Спрашивал о повышении кредитного лимита', when: ({ open }) => open.has('CC_CLASSIC') || open.has('CC_GOLD') },
  { kind: 'intent', body: 'Пролонгирует вклад, только если ставка не снизится', when: ({ open }) => open.has('TD_12M') },
  { kind: 'service', body: 'Просит звонить только после 18:00', when: ({ p }) => p.phone !== null },
  { kind: 'service', body: 'Предпочитает общение по электронной почте', when: ({ p }) => p.email !== null },
  { kind: 'service', body: 'Нужна помощь с мобильным приложением', when: ({ p }) => p.age >= 60 },
  { kind: 'service', body: 'Просит не предлагать кредиты', when: () => true },
  { kind: 'other', body: 'Постоянный посетитель отделения, знаком с руководителем ЦБУ', when: ({ p }) => p.age >= 45 },
]

const CHURN_SIGNS: readonly Candidate[] = [
  { kind: 'intent', body: 'Думает о переводе зарплаты в другой банк', when: () => true },
  { kind: 'service', body: 'Недоволен очередями и работой отделения', when: () => true },
  { kind: 'competitor_offer', body: 'Другой банк предложил вклад под ставку выше нашей', when: ({ open }) => open.has('TD_12M') || open.has('SAV') },
  { kind: 'competitor_offer', body: 'Работодатель переводит зарплатный проект в другой банк', when: ({ open }) => open.has('DC_SALARY') },
  { kind: 'competitor_offer', body: 'Другой банк предложил кредитную карту с кешбэком выше нашего', when: ({ open }) => open.has('CC_CLASSIC') || open.has('CC_GOLD') },
  { kind: 'competitor_offer', body: 'Рассказал о более выгодных условиях обслуживания в другом банке', when: () => true },
]

/** Notes from branch staff over the last year for some clients; clients about to leave get them more
 * often, and theirs tell why. */
export function demoNotes(random: Random, p: DemoClientProfile, holdings: readonly DemoHolding[], today: number): DemoNote[] {
  const atRisk = p.trend === 'falling' || p.status === 'churned'
  const count = random.chance(atRisk ? 0.2 : 0.06) ? (random.chance(0.25) ? 2 : 1) : 0
  if (count === 0 || p.status === 'deceased') return []
  const lastDay = (p.statusDay ?? today) - 1
  // A churned client's notes come from the half-year before leaving, when the signs showed.
  const firstDay = Math.max(p.sinceDay, today - 365, p.status === 'churned' ? lastDay - 180 : -Infinity)
  if (lastDay < firstDay) return []
  const facts: Facts = { p, open: new Set(holdings.filter((h) => h.closedDay === null || h.closedDay >= lastDay).map((h) => h.productCode)) }
  const notes: DemoNote[] = []
  for (let n = 0; n < count; n++) {
    const pool = (atRisk && random.chance(0.6) ? CHURN_SIGNS : CANDIDATES).filter((c) => c.when(facts))
    const chosen = random.pick(pool)
    const minute = random.int(9 * 60, 19 * 60) - p.region.utcOffset * 60
    notes.push({ kind: chosen.kind, body: chosen.body, createdAt: isoTimestamp(random.int(firstDay, lastDay), minute) })
  }
  return notes
}
