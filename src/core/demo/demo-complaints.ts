import { COMPLAINT_CATEGORIES, type ComplaintChannel, type ComplaintSeverity } from '../../contract/complaint-categories.ts'
import type { ComplaintRootCause, ComplaintStatus } from '../../contract/complaint-statuses.ts'
import { complaintSlaDays, type ComplaintSlaRule } from '../complaint/complaint-sla-days.ts'
import { addDays, addMonths } from '../selection/calendar.ts'
import { addWorkingDays, type BankCalendar } from '../working-days.ts'
import { createRandom } from './create-random.ts'
import { weightedChoice } from './weighted-choice.ts'

// The demo bank's complaints: 15 months of them with the seasons a retail bank sees — more after the
// New Year holidays (card fraud, blocked cards, fees on the new year's tariffs) and before it, fewer in
// summer — so that the register, its overdue ones and the analysis look alive to a newcomer.

export type DemoComplaint = {
  clientId: number
  branchId: number | null
  receivedAt: Date
  category: string
  channel: ComplaintChannel
  severity: ComplaintSeverity
  subject: string
  status: ComplaintStatus
  slaWorkingDays: number
  slaDueOn: string
  /** When it was resolved (and, when closed, the day it was closed). */
  resolvedAt: Date | null
  closedAt: Date | null
  resolution: string | null
  rootCause: ComplaintRootCause | null
  compensation: string | null
}

export type DemoComplaintsInput = {
  clients: readonly { id: number; branchId: number | null }[]
  today: string
  seed: number
  rules: readonly ComplaintSlaRule[]
  calendar: BankCalendar
}

/** Complaints a year per client: a retail bank hears from a few percent of its clients. */
const PER_CLIENT_YEAR = 0.04
const MAX_COMPLAINTS = 6000
const SEASON = [1.5, 1.2, 1.0, 0.9, 1.1, 0.8, 0.7, 0.8, 1.0, 1.1, 1.2, 1.4]
const SUBJECTS: Record<string, string> = {
  service_quality: 'Долгое ожидание и грубость в обслуживании', fees: 'Списана комиссия, о которой не предупредили', cards: 'Операция по карте, которую я не совершал',
  loans: 'Не согласен с расчётом платежа по кредиту', deposits: 'Проценты по вкладу начислены не по договору', accounts: 'Перевод не дошёл до получателя',
  remote_banking: 'Не работает мобильное приложение', staff: 'Навязали страховку при оформлении', credit_history: 'Ошибка в кредитной истории', other: 'Прочее обращение',
}
const CATEGORY_WEIGHT: Record<string, number> = { service_quality: 14, fees: 18, cards: 20, loans: 12, deposits: 6, accounts: 9, remote_banking: 11, staff: 5, credit_history: 2, other: 3 }
const pickCategory = weightedChoice(COMPLAINT_CATEGORIES.map((c) => [c.code, (CATEGORY_WEIGHT[c.parent ?? c.code] ?? 1) * (c.parent === null ? 0.3 : 1)] as const))
const pickChannel = weightedChoice<ComplaintChannel>([['branch', 40], ['call_centre', 30], ['web', 15], ['letter', 10], ['regulator', 5]])
const pickSeverity = weightedChoice<ComplaintSeverity>([['low', 25], ['medium', 50], ['high', 20], ['critical', 5]])
const pickCause = weightedChoice<ComplaintRootCause>([['process', 25], ['staff_error', 15], ['it_failure', 15], ['product_terms', 15], ['third_party', 10], ['client_misunderstanding', 12], ['unfounded', 8]])
const RESOLUTIONS: Record<ComplaintRootCause, string> = {
  process: 'Процесс исправлен, клиенту дан ответ', staff_error: 'Ошибка сотрудника исправлена, клиенту принесены извинения', it_failure: 'Сбой устранён, операция проведена',
  product_terms: 'Разъяснены условия продукта', third_party: 'Вопрос решён с платёжной системой', client_misunderstanding: 'Клиенту разъяснён порядок операций', unfounded: 'Жалоба не подтвердилась, клиенту дан мотивированный ответ',
}

/** The demo's complaints, the same for the same clients, seed and today. */
export function demoComplaints(input: DemoComplaintsInput): DemoComplaint[] {
  if (input.clients.length === 0) return []
  const random = createRandom(input.seed, 10_030)
  const firstMonth = `${addMonths(input.today, -14).slice(0, 7)}-01`
  const months = Array.from({ length: 15 }, (_, i) => addMonths(firstMonth, i))
  const total = Math.min(MAX_COMPLAINTS, Math.round((input.clients.length * PER_CLIENT_YEAR * 15) / 12))
  // The current month has had only its first days yet.
  const elapsed = (m: string) => (m.slice(0, 7) === input.today.slice(0, 7) ? Number(input.today.slice(8, 10)) / 28 : 1)
  const pickMonth = weightedChoice(months.map((m) => [m, SEASON[Number(m.slice(5, 7)) - 1]! * elapsed(m)] as const))
  const complaints: DemoComplaint[] = []
  for (let i = 0; i < total; i++) {
    const month = pickMonth(random)
    const lastDay = month.slice(0, 7) === input.today.slice(0, 7) ? Number(input.today.slice(8, 10)) : 28
    const day = addDays(month, random.int(0, lastDay - 1))
    const client = random.pick(input.clients)
    complaints.push(oneComplaint({ input, random, client, day }))
  }
  return complaints.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
}

type One = { input: DemoComplaintsInput; random: ReturnType<typeof createRandom>; client: { id: number; branchId: number | null }; day: string }

function oneComplaint({ input, random, client, day }: One): DemoComplaint {
  // Moscow office hours: 10:00–18:00 local is 07:00–15:00 UTC.
  const receivedAt = new Date(`${day}T${String(random.int(7, 14)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`)
  const category = pickCategory(random)
  const channel = pickChannel(random)
  const slaWorkingDays = complaintSlaDays({ category, channel, rules: input.rules })
  const slaDueOn = addWorkingDays(day, slaWorkingDays, input.calendar)
  // Most are answered in time; about one in seven takes longer than its SLA.
  const late = random.chance(0.14)
  const answerDays = late ? Math.round(slaWorkingDays * random.between(1.6, 2.4)) : Math.max(0, Math.round(slaWorkingDays * random.between(0.1, 1.2)))
  const resolvedOn = addDays(day, answerDays)
  // A few get stuck — the owner away, the client not answering — and sit overdue in the register.
  const stuck = random.chance(0.06)
  const resolved = resolvedOn < input.today && !stuck
  const cause = pickCause(random)
  const base = { clientId: client.id, branchId: client.branchId, receivedAt, category, channel, severity: pickSeverity(random), subject: SUBJECTS[category.split('.')[0]!] ?? SUBJECTS.other!, slaWorkingDays, slaDueOn }
  if (!resolved) {
    const status: ComplaintStatus = random.chance(0.2) ? 'registered' : random.chance(0.3) ? 'awaiting_client' : 'in_progress'
    return { ...base, status, resolvedAt: null, closedAt: null, resolution: null, rootCause: null, compensation: null }
  }
  const resolvedAt = new Date(`${resolvedOn}T12:00:00Z`)
  const closed = addDays(resolvedOn, 10) < input.today
  const paid = cause !== 'unfounded' && cause !== 'client_misunderstanding' && random.chance(0.25)
  return {
    ...base, status: closed ? 'closed' : 'resolved', resolvedAt, closedAt: closed ? new Date(`${addDays(resolvedOn, 10)}T12:00:00Z`) : null,
    resolution: RESOLUTIONS[cause], rootCause: cause, compensation: paid ? (random.int(15_000, 1_500_000) / 100).toFixed(2) : null,
  }
}
