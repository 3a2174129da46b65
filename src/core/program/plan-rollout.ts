import type { Channel } from '../../contract/channels.ts'
import { reason } from '../../contract/reason-codes.ts'
import { ROLLOUT_CUTS } from '../../contract/rollout-schemas.ts'
import { DomainError } from '../domain-error.ts'
import { addDays, addMonths } from '../selection/calendar.ts'
import type { Kopecks } from './kopecks.ts'

/** The call centre given to the program: operators × calls per hour × hours per day, and the share of calls that reach the client. */
export type RolloutCapacity = { operators: number; callsPerHour: number; hoursPerDay: number; reachRate: number }

/** A channel of the business case, with its own budget for the rollout when it has one. */
export type RolloutChannel = { channel: Channel; costPerContact: Kopecks; contactsPerClient: number; budget: Kopecks | null }

export type PlanRolloutInput = {
  /** Clients still to contact: the case's contacted clients less those the pilot contacted (price-rollout-plan.ts). */
  clients: number
  /** Every client of a wave is contacted on each channel, as the business case counts its cost. */
  channels: readonly RolloutChannel[]
  /** What the program's budget leaves for the rollout's contacts; null: no limit. */
  budget: Kopecks | null
  capacity: RolloutCapacity
  start: string
  /** The last day a wave may work; null: until everyone is contacted (within MAX_PLAN_YEARS). */
  end: string | null
  maxWaveSize: number
  isWorkingDay: (iso: string) => boolean
}

/** Why clients are left uncontacted, in the order they are counted: each counts the clients it cuts from what the ones before left. */
export type RolloutCut = (typeof ROLLOUT_CUTS)[number]

export type RolloutWave = {
  number: number
  start: string
  end: string
  /** Working days from start to end; a day may be shared with the wave before or after. */
  workingDays: number
  clients: number
  /** Expected calls dialled (clients × contacts per client ÷ reach rate); 0 without a call channel. */
  calls: number
  channels: { channel: Channel; contacts: number; cost: Kopecks }[]
  cost: Kopecks
}

export type RolloutPlan = {
  clients: number
  planned: number
  uncontacted: Record<RolloutCut, number>
  /** The first cut that left someone out; null when everyone is planned. */
  limitedBy: RolloutCut | null
  /** Which budget ran out: a channel's, or the program's; null when none did. */
  budgetLimit: Channel | 'program' | null
  /** Calls the call centre can make a day and the clients they reach; null without a call channel. */
  callCapacity: { callsPerDay: number; clientsPerDay: number } | null
  /** Clients contacted a working day: the call capacity, or one wave a day without calls. */
  clientsPerDay: number
  /** The busiest day's calls (never above callCapacity.callsPerDay). */
  peakCallsPerDay: number
  waves: RolloutWave[]
  /** The day the last wave ends; null when nothing is planned. */
  endReached: string | null
  workingDays: number
  contacts: { channel: Channel; contacts: number; cost: Kopecks }[]
  cost: Kopecks
}

export const MAX_PLAN_YEARS = 3
export const MAX_WAVES = 1000

/** A product of doubles a hair under a whole number (840 × 0.35 = 293.99999999999994) still counts as that number. */
const wholeBelow = (x: number) => Math.floor(x + 1e-9)

/** The last day a plan may reach: MAX_PLAN_YEARS after its start, less a day. */
export function lastPlanDay(start: string): string {
  return addDays(addMonths(start, 12 * MAX_PLAN_YEARS), -1)
}

/**
 * The call centre's day: calls = operators × calls per hour × hours per day; the clients they
 * reach = ⌊calls × reach rate ÷ contacts per client⌋, so that clients × contacts per client ÷
 * reach rate — the calls dialled to reach them — never exceeds the calls the centre can make.
 */
export function callCapacity(capacity: RolloutCapacity, contactsPerClient: number): { callsPerDay: number; clientsPerDay: number } {
  const callsPerDay = capacity.operators * capacity.callsPerHour * capacity.hoursPerDay
  return { callsPerDay, clientsPerDay: wholeBelow((callsPerDay * capacity.reachRate) / contactsPerClient) }
}

/** Clients a budget pays for: ⌊budget ÷ (cost per contact × contacts per client)⌋ — exact, every amount a whole number of kopecks. */
function affordable(budget: Kopecks | null, costPerClient: Kopecks): number {
  return budget === null || costPerClient === 0 ? Number.POSITIVE_INFINITY : Math.floor(budget / costPerClient)
}

function budgetCut(input: PlanRolloutInput): { clients: number; limit: Channel | 'program' | null } {
  let best: { clients: number; limit: Channel | 'program' | null } = { clients: Number.POSITIVE_INFINITY, limit: null }
  for (const c of input.channels) {
    const clients = affordable(c.budget, c.costPerContact * c.contactsPerClient)
    if (clients < best.clients) best = { clients, limit: c.channel }
  }
  const perClient = input.channels.reduce((sum, c) => sum + c.costPerContact * c.contactsPerClient, 0)
  const clients = affordable(input.budget, perClient)
  if (clients < best.clients) best = { clients, limit: 'program' }
  return best
}

/** The working days from start to the last day, in order. */
function workingDaysBetween(start: string, last: string, isWorkingDay: (iso: string) => boolean): string[] {
  const days: string[] = []
  for (let day = start; day <= last; day = addDays(day, 1)) if (isWorkingDay(day)) days.push(day)
  return days
}

/**
 * Waves over the bank's working days within the call centre's capacity and the budgets. Clients
 * are contacted in order at the day's pace (the call capacity, or one wave a working day without
 * calls): client i (from 0) on working day ⌊i ÷ pace⌋, so a day never holds more than the pace;
 * wave k holds clients k × max wave size … (k + 1) × max wave size − 1. The clients planned are
 * min(left to contact, what the budgets pay for, pace × working days up to the end date).
 */
export function planRollout(input: PlanRolloutInput): RolloutPlan {
  const call = input.channels.find((c) => c.channel === 'call')
  const calls = call ? callCapacity(input.capacity, call.contactsPerClient) : null
  const pace = calls ? calls.clientsPerDay : input.maxWaveSize
  const last = input.end ?? lastPlanDay(input.start)
  const days = workingDaysBetween(input.start, last, input.isWorkingDay)

  const uncontacted: Record<RolloutCut, number> = { capacity: 0, budget: 0, end_date: 0, horizon: 0 }
  const budget = budgetCut(input)
  let planned = 0
  if (pace === 0) {
    uncontacted.capacity = input.clients
  } else {
    const paid = Math.min(input.clients, budget.clients)
    uncontacted.budget = input.clients - paid
    planned = Math.min(paid, pace * days.length)
    uncontacted[input.end ? 'end_date' : 'horizon'] = paid - planned
  }
  const waveCount = Math.ceil(planned / input.maxWaveSize)
  if (waveCount > MAX_WAVES) {
    throw new DomainError('invalid_input', `maxWaveSize ${input.maxWaveSize} makes ${waveCount} waves, more than ${MAX_WAVES}`, reason('rollout.too_many_waves', { field: 'maxWaveSize', waves: waveCount, max: MAX_WAVES }))
  }
  const waves = Array.from({ length: waveCount }, (_, k) => {
    const first = k * input.maxWaveSize
    const clients = Math.min(input.maxWaveSize, planned - first)
    const [from, to] = [Math.floor(first / pace), Math.floor((first + clients - 1) / pace)]
    return wave({ input, number: k + 1, clients, start: days[from]!, end: days[to]!, workingDays: to - from + 1, reachRate: input.capacity.reachRate })
  })
  const limitedBy = ROLLOUT_CUTS.find((cut) => uncontacted[cut] > 0) ?? null
  const contacts = input.channels.map((c) => ({ channel: c.channel, contacts: planned * c.contactsPerClient, cost: planned * c.contactsPerClient * c.costPerContact }))
  return {
    clients: input.clients,
    planned,
    uncontacted,
    limitedBy,
    budgetLimit: uncontacted.budget > 0 ? budget.limit : null,
    callCapacity: calls,
    clientsPerDay: pace,
    peakCallsPerDay: call ? (Math.min(pace, planned) * call.contactsPerClient) / input.capacity.reachRate : 0,
    waves,
    endReached: waves.at(-1)?.end ?? null,
    workingDays: planned === 0 ? 0 : Math.floor((planned - 1) / pace) + 1,
    contacts,
    cost: contacts.reduce((sum, c) => sum + c.cost, 0),
  }
}

type WaveInput = { input: PlanRolloutInput; number: number; clients: number; start: string; end: string; workingDays: number; reachRate: number }

function wave({ input, number, clients, start, end, workingDays, reachRate }: WaveInput): RolloutWave {
  const channels = input.channels.map((c) => ({ channel: c.channel, contacts: clients * c.contactsPerClient, cost: clients * c.contactsPerClient * c.costPerContact }))
  const call = channels.find((c) => c.channel === 'call')
  return { number, start, end, workingDays, clients, calls: call ? Math.round(call.contacts / reachRate) : 0, channels, cost: channels.reduce((sum, c) => sum + c.cost, 0) }
}
