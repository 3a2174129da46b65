import type { CallDirection, CallLogOutcome, CallReason } from '../../contract/call-log.ts'
import { wallClockInstant } from '../bank-day.ts'
import { createRandom, type Random } from './create-random.ts'
import { weightedChoice } from './weighted-choice.ts'

// The demo bank's call log (issue 10, item 6): the last 90 days of a retail call centre, so that
// the analysis page has a shape to show — weekday mornings and early evenings busiest, Sundays
// quiet; cards, payments and the mobile app the usual reasons; about one call in five followed
// by another of the client within a week, more often after a callback or an escalation.

export type DemoCaller = { id: number; phone: string }
export type DemoCall = {
  clientId: number; startedAt: Date; direction: CallDirection; phone: string
  reason: CallReason; durationSeconds: number; outcome: CallLogOutcome; operator: string
}

export type DemoCallsInput = { seed: number; today: string; timeZone: string; callers: readonly DemoCaller[] }

const DAYS = 90
const OPERATORS = ['Иванова О.С.', 'Петров И.Н.', 'Смирнова Е.А.', 'Кузнецов Д.В.', 'Попова А.М.', 'Соколов А.Г.', 'Лебедева Н.И.', 'Новиков С.П.']

const pickReason = weightedChoice<CallReason>([
  ['card', 28], ['payments', 15], ['remote_banking', 15], ['loan', 12], ['deposit', 10], ['account', 8], ['fees', 6], ['information', 4], ['other', 2],
])
/** Median seconds of a talked call by reason: a loan question takes longer than a card block. */
const MEDIAN_SECONDS: Record<CallReason, number> = {
  card: 170, payments: 200, remote_banking: 230, loan: 330, deposit: 280, account: 140, fees: 260, information: 120, other: 180,
}
const pickOutcome = weightedChoice<CallLogOutcome>([['resolved', 68], ['escalated', 9], ['callback', 8], ['complaint', 4], ['dropped', 11]])
// Hours 0–23 on the bank's clock: the call centre answers round the clock, most calls 9:00–20:00.
const pickHour = weightedChoice<number>([0, 0, 0, 0, 0, 1, 2, 4, 7, 11, 13, 12, 10, 9, 9, 9, 10, 11, 12, 11, 8, 5, 3, 1].map((w, hour) => [hour, w + 0.1] as const))
const WEEKDAY_LOAD = [0, 1, 0.95, 0.9, 0.9, 1, 0.6, 0.4] // ISO weekday → share of a Monday's calls

/** The callers' calls over the 90 days before `today`, the same for the same seed. */
export function demoCalls({ seed, today, timeZone, callers }: DemoCallsInput): DemoCall[] {
  const calls: DemoCall[] = []
  const firstDay = Date.parse(`${today}T00:00:00Z`) - DAYS * 86_400_000
  for (const caller of callers) {
    const random = createRandom(seed, caller.id, 10)
    const stories = random.chance(0.7) ? 1 : random.int(2, 3)
    for (let story = 0; story < stories; story++) {
      const day = pickDay(random, firstDay)
      const reason = pickReason(random)
      let at = wallClockInstant(`${day}T${String(pickHour(random)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`, timeZone)
      // A question that was not settled brings the client back within days, sometimes twice.
      for (let attempt = 0; attempt < 3; attempt++) {
        const outcome = pickOutcome(random)
        const direction: CallDirection = attempt > 0 && random.chance(0.25) ? 'outbound' : 'inbound'
        calls.push({ clientId: caller.id, startedAt: new Date(at), direction, phone: caller.phone, reason, durationSeconds: duration(random, reason, outcome), outcome, operator: random.pick(OPERATORS) })
        const settled = outcome === 'resolved' ? random.chance(0.9) : random.chance(0.35)
        if (settled) break
        at += random.int(2, 150) * 3_600_000 + random.int(0, 3_599) * 1000
        if (at >= Date.parse(`${today}T00:00:00Z`)) break
      }
    }
  }
  // One call per client and start time, as the call log keeps them.
  const seen = new Set<string>()
  return calls.filter((call) => {
    const key = `${call.clientId}:${call.startedAt.getTime()}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function pickDay(random: Random, firstDay: number): string {
  for (;;) {
    const day = new Date(firstDay + random.int(0, DAYS - 1) * 86_400_000)
    const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay()
    if (random.chance(WEEKDAY_LOAD[weekday])) return day.toISOString().slice(0, 10)
  }
}

function duration(random: Random, reason: CallReason, outcome: CallLogOutcome): number {
  if (outcome === 'dropped') return random.int(0, 40)
  // Log-normal around the reason's median: most calls a few minutes, a long tail of hard ones.
  return Math.min(3_600, Math.round(MEDIAN_SECONDS[reason] * Math.exp(0.55 * random.normal())))
}
