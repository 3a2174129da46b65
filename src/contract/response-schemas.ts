import { z } from 'zod'
import { programCode } from './program-schemas.ts'
import { RESPONSE_SOURCES, RESPONSE_TYPES } from './response-types.ts'

// The requests and answers of a program's responses (src/http/routes/response-routes.ts), shared
// with the web. Shapes only: the rules of a value (roubles, kopecks, not negative) and of the time
// are core's (core/response/check-response-value.ts, core/import/parse-timestamp-cell.ts), each
// refusal with its reason code. Money is exact: roubles as decimal strings ('1234.50').

export const responseParams = z.object({ code: programCode })

/** POST /api/programs/:code/responses: the client by the bank's id or by Otklik's, one of the two. */
export const recordResponseBody = z
  .object({
    bankId: z.string().trim().min(1).max(64).optional(),
    clientId: z.number().int().positive().max(2_147_483_647).optional(),
    type: z.enum(RESPONSE_TYPES),
    /** A date, or a date and time: yyyy-mm-dd[Thh:mm[:ss]][±hh:mm] or dd.mm.yyyy [hh:mm]; UTC unless an offset is given. */
    respondedAt: z.string().trim().min(1).max(40),
    /** Roubles: required for spend and balance, allowed for the others. */
    value: z.number().finite().max(99_999_999_999_999).nullable().optional(),
  })
  .strict()
  .refine((body) => (body.bankId === undefined) !== (body.clientId === undefined), { message: 'give bankId or clientId (one of them)', path: ['bankId'] })
export type RecordResponseBody = z.infer<typeof recordResponseBody>

export const storedResponse = z.object({
  id: z.number(),
  program: z.string(),
  clientId: z.number(),
  bankId: z.string(),
  waveId: z.number(),
  group: z.enum(['target', 'control']),
  type: z.enum(RESPONSE_TYPES),
  respondedAt: z.string(),
  value: z.string().nullable(),
  source: z.enum(RESPONSE_SOURCES),
  recordedAt: z.string(),
  /** False when the same response (client, program, type, time) was recorded before: its value was updated. */
  created: z.boolean(),
})
export type StoredResponseView = z.infer<typeof storedResponse>

const groupCounts = z.object({
  /** Members of the group. */
  members: z.number(),
  /** Per response type: members who responded, responses, and exact sums in roubles. */
  types: z.record(
    z.enum(RESPONSE_TYPES),
    z.object({ responders: z.number(), responses: z.number(), valueSum: z.string(), valueSumOfSquares: z.string() }),
  ),
})

/** GET /api/programs/:code/responses/summary: what the verdict reads, per wave × group × type. */
export const responseSummary = z.object({
  program: z.string(),
  waves: z.array(z.object({
    id: z.number(),
    kind: z.enum(['pilot', 'rollout']),
    builtAt: z.string(),
    target: groupCounts,
    control: groupCounts,
  })),
})
export type ResponseSummary = z.infer<typeof responseSummary>

/** GET /api/responses/programs: the programs responses can be recorded for (those with a wave). */
export const responsePrograms = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), waves: z.number() })) })
