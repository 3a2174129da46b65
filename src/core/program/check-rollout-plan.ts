import type { z } from 'zod'
import type { Channel } from '../../contract/channels.ts'
import { reason } from '../../contract/reason-codes.ts'
import type { rolloutPlanBody } from '../../contract/rollout-schemas.ts'
import { DomainError } from '../domain-error.ts'
import { kopecksFromRoubles, type Kopecks } from './kopecks.ts'
import { lastPlanDay, MAX_PLAN_YEARS, type RolloutCapacity } from './plan-rollout.ts'

export type CheckedRolloutPlan = {
  capacity: RolloutCapacity
  start: string
  end: string | null
  maxWaveSize: number
  /** Kopecks; null: no limit; undefined: the program's own budget. */
  budget: Kopecks | null | undefined
  channelBudgets: { channel: Channel; budget: Kopecks }[]
}

const invalid = (message: string, details: ConstructorParameters<typeof DomainError>[2]) => new DomainError('invalid_input', message, details)

function whole(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw invalid(`${field} must be a whole number from ${min} to ${max} (${value})`, reason('rollout.not_whole', { field, value, min, max }))
  return value
}

/** Within (0, max]: a reach rate of 0 reaches no one, so it cannot plan anything. */
function positive(field: string, value: number, max: number): number {
  if (!(value > 0 && value <= max)) throw invalid(`${field} must be above 0 and at most ${max} (${value})`, reason('rollout.not_positive', { field, value, max }))
  return value
}

function money(field: string, value: number): Kopecks {
  if (value < 0) throw invalid(`${field} must not be negative (${value})`, reason('case.negative_amount', { field, value }))
  const kopecks = kopecksFromRoubles(value)
  if (kopecks === undefined) throw invalid(`${field} must be roubles with at most two decimals (${value})`, reason('case.not_kopecks', { field, value }))
  return kopecks
}

/**
 * Checks a rollout plan's inputs, the first problem refused with a reason naming the field:
 * operators a whole number 0–100 000 (0 is allowed and leaves calls impossible), calls per hour
 * within (0, 600], hours per day within (0, 24], the reach rate within (0, 1], a wave of 1–10 000 000
 * clients, the end not before the start nor more than MAX_PLAN_YEARS after it, no negative money,
 * a channel budget only for a channel of the business case, each once.
 */
export function checkRolloutPlan(body: z.output<typeof rolloutPlanBody>, caseChannels: readonly Channel[]): CheckedRolloutPlan {
  const capacity = {
    operators: whole('operators', body.operators, 0, 100_000),
    callsPerHour: positive('callsPerHour', body.callsPerHour, 600),
    hoursPerDay: positive('hoursPerDay', body.hoursPerDay, 24),
    reachRate: positive('reachRate', body.reachRate, 1),
  }
  const maxWaveSize = whole('maxWaveSize', body.maxWaveSize, 1, 10_000_000)
  if (body.end !== null && body.end < body.start) throw invalid('end is before start', reason('rollout.end_before_start', { field: 'end' }))
  const last = lastPlanDay(body.start)
  if (body.end !== null && body.end > last) throw invalid(`end is more than ${MAX_PLAN_YEARS} years after start`, reason('rollout.too_long', { field: 'end', years: MAX_PLAN_YEARS, last }))
  const seen = new Set<Channel>()
  const channelBudgets = body.channelBudgets.map((line, i) => {
    const at = `channelBudgets[${i}]`
    if (!caseChannels.includes(line.channel)) throw invalid(`${at}.channel: the business case has no ${line.channel}`, reason('rollout.unknown_channel', { field: `${at}.channel`, channel: line.channel }))
    if (seen.has(line.channel)) throw invalid(`${at}.channel: ${line.channel} is given twice`, reason('case.duplicate_channel', { field: `${at}.channel`, channel: line.channel }))
    seen.add(line.channel)
    return { channel: line.channel, budget: money(`${at}.budget`, line.budget) }
  })
  const budget = body.budget === undefined || body.budget === null ? body.budget : money('budget', body.budget)
  return { capacity, start: body.start, end: body.end, maxWaveSize, budget, channelBudgets }
}
