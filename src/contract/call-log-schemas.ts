import { z } from 'zod'
import { CALL_DIRECTIONS, CALL_LOG_OUTCOMES } from './call-log.ts'
import { isoDate } from './program-schemas.ts'

// The requests and answers of /api/calls (src/http/routes/call-log-routes.ts), shared with the web.
// Periods are bank days (its time zone), both ends included; durations are seconds.

/** A period of bank days; absent ends: the 30 days up to the bank's today. At most a year and a bit. */
export const callPeriodQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict()
export type CallPeriodQuery = z.infer<typeof callPeriodQuery>

const seconds = z.number().nullable()

/** Handle time: over the calls that were talked (all but `dropped`), PostgreSQL's percentile_cont. */
const handleTime = { medianSeconds: seconds, p90Seconds: seconds }

/**
 * First-call resolution over the period's inbound calls: `repeated` of them were followed by
 * another inbound call of the same client within 7 × 24 hours (the repeat may fall after the
 * period); `share` = (inbound − repeated) / inbound, null without inbound calls.
 */
const firstCallResolution = z.object({ inbound: z.number(), repeated: z.number(), share: z.number().nullable() })

export const callAnalysis = z.object({
  from: isoDate,
  to: isoDate,
  timeZone: z.string(),
  totals: z.object({ calls: z.number(), inbound: z.number(), outbound: z.number(), clients: z.number(), ...handleTime }),
  firstCallResolution,
  /** `reason`: a code of contract/call-log.ts CALL_REASONS, or the call centre's own words. Most calls first. */
  byReason: z.array(z.object({ reason: z.string(), calls: z.number(), ...handleTime, firstCallResolution })),
  byOutcome: z.array(z.object({ outcome: z.enum(CALL_LOG_OUTCOMES), calls: z.number() })),
  /** Every bank day of the period, days without calls at 0. */
  byDay: z.array(z.object({ day: isoDate, calls: z.number() })),
  /** Day of the week (1 Monday … 7 Sunday) × hour (0–23) on the bank's clock; only the cells with calls. */
  byHour: z.array(z.object({ weekday: z.number().int().min(1).max(7), hour: z.number().int().min(0).max(23), calls: z.number() })),
})
export type CallAnalysis = z.infer<typeof callAnalysis>

export const callListQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  reason: z.string().trim().min(1).max(100).optional(),
  outcome: z.enum(CALL_LOG_OUTCOMES).optional(),
  /** Only the inbound calls that a repeat within 7 days followed (not resolved at first contact). */
  repeated: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
}).strict()
export type CallListQuery = z.infer<typeof callListQuery>

export const callItem = z.object({
  id: z.number(),
  clientId: z.number(),
  bankId: z.string(),
  clientName: z.string(),
  startedAt: z.string(),
  direction: z.enum(CALL_DIRECTIONS),
  /** Masked for a role without clearance for phones (core/clearance.ts). */
  phone: z.string(),
  reason: z.string(),
  durationSeconds: z.number(),
  outcome: z.enum(CALL_LOG_OUTCOMES),
  operator: z.string().nullable(),
  repeated: z.boolean(),
})
export type CallItem = z.infer<typeof callItem>

export const callList = z.object({ from: isoDate, to: isoDate, total: z.number(), items: z.array(callItem) })
export type CallList = z.infer<typeof callList>
