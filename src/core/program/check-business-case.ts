import type { BusinessCaseAssumptions } from '../../contract/program-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'
import type { Channel } from '../../contract/channels.ts'
import { kopecksFromRoubles, type Kopecks } from './kopecks.ts'

/** The assumptions as checked: money in kopecks; what a draft left out stays undefined. */
export type CheckedBusinessCase = {
  audience?: number
  channelCosts?: { channel: Channel; costPerContact: Kopecks; contactsPerClient: number }[]
  fixedCosts?: Kopecks
  responseRateTarget?: number
  responseRateControl?: number
  conversion?: number
  averageBalance?: Kopecks
  annualTurnover?: Kopecks
  exposureAtDefault?: Kopecks
  annualFee?: Kopecks
  lifetimeMonths?: number
  discountRate?: number
  horizonYears?: number
}

export const MAX_HORIZON_YEARS = 30
const RATES = ['responseRateTarget', 'responseRateControl', 'conversion', 'discountRate'] as const
const AMOUNTS = ['fixedCosts', 'averageBalance', 'annualTurnover', 'exposureAtDefault', 'annualFee'] as const
const COUNTS = ['audience', 'lifetimeMonths'] as const

const invalid = (message: string, details: ConstructorParameters<typeof DomainError>[2]) => new DomainError('invalid_input', message, details)

/** Roubles → kopecks, refusing a negative amount or a fraction of a kopeck, naming the field. */
function money(field: string, value: number): Kopecks {
  if (value < 0) throw invalid(`${field} must not be negative (${value})`, reason('case.negative_amount', { field, value }))
  const kopecks = kopecksFromRoubles(value)
  if (kopecks === undefined) throw invalid(`${field} must be roubles with at most two decimals (${value})`, reason('case.not_kopecks', { field, value }))
  return kopecks
}

function count(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw invalid(`${field} must be a whole number, 0 or more (${value})`, reason('case.not_whole', { field, value }))
  return value
}

/**
 * Checks the business case's assumptions (rates within [0, 1], no negative money, whole kopecks,
 * whole counts, a horizon of 1–30 years, each channel once), the first problem refused with a
 * reason that names the field (`businessCase.channelCosts[1].costPerContact`).
 */
export function checkBusinessCase(raw: BusinessCaseAssumptions): CheckedBusinessCase {
  const field = (name: string) => `businessCase.${name}`
  const checked: CheckedBusinessCase = {}
  for (const name of RATES) {
    const value = raw[name]
    if (value === undefined) continue
    if (!(value >= 0 && value <= 1)) throw invalid(`${field(name)} must be between 0 and 1 (${value})`, reason('case.rate_out_of_range', { field: field(name), value }))
    checked[name] = value
  }
  for (const name of AMOUNTS) if (raw[name] !== undefined) checked[name] = money(field(name), raw[name])
  for (const name of COUNTS) if (raw[name] !== undefined) checked[name] = count(field(name), raw[name])
  if (raw.horizonYears !== undefined) {
    const value = raw.horizonYears
    if (!Number.isInteger(value) || value < 1 || value > MAX_HORIZON_YEARS) {
      throw invalid(`${field('horizonYears')} must be a whole number of years from 1 to ${MAX_HORIZON_YEARS}`, reason('case.horizon_out_of_range', { field: field('horizonYears'), value, max: MAX_HORIZON_YEARS }))
    }
    checked.horizonYears = value
  }
  if (raw.channelCosts !== undefined) checked.channelCosts = checkChannelCosts(raw.channelCosts)
  return checked
}

function checkChannelCosts(costs: NonNullable<BusinessCaseAssumptions['channelCosts']>): NonNullable<CheckedBusinessCase['channelCosts']> {
  const seen = new Set<Channel>()
  return costs.map((cost, i) => {
    const at = `businessCase.channelCosts[${i}]`
    if (seen.has(cost.channel)) throw invalid(`${at}.channel: ${cost.channel} is given twice`, reason('case.duplicate_channel', { field: `${at}.channel`, channel: cost.channel }))
    seen.add(cost.channel)
    return { channel: cost.channel, costPerContact: money(`${at}.costPerContact`, cost.costPerContact), contactsPerClient: count(`${at}.contactsPerClient`, cost.contactsPerClient) }
  })
}
