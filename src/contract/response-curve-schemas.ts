import { z } from 'zod'
import { programCode } from './program-schemas.ts'
import { RESPONSE_TYPES } from './response-types.ts'

// GET /api/programs/:code/response-curve[?wave=ID] (issue 9, item 3): the cumulative response
// curve by day since the wave for target and control, per wave and for the program as a whole;
// each arm of `otklik program results --json` carries its wave's points as `curve`.

const groupPoint = z.object({
  /** The members counted at this day (for the whole program: those of the waves that have reached it). */
  members: z.number().int(),
  /** Of them, the members with a response of the type within `day` days of their wave. */
  responders: z.number().int(),
  share: z.number(),
})

export const responseCurvePoint = z.object({ day: z.number().int(), target: groupPoint, control: groupPoint })
export type ResponseCurvePointView = z.infer<typeof responseCurvePoint>

export const responseCurve = z.object({
  /** The wave, or null for the program's waves pooled. */
  wave: z.number().int().nullable(),
  /** The arm's name as in the results (the wave's offer code, or `wave <id>`); null for the program. */
  arm: z.string().nullable(),
  offer: z.string().nullable(),
  response: z.enum(RESPONSE_TYPES),
  /** Day 0 … the window (or the days elapsed while it is open). */
  points: z.array(responseCurvePoint),
})
export type ResponseCurve = z.infer<typeof responseCurve>

export const responseCurveParams = z.object({ code: programCode })
export const responseCurveQuery = z.object({ wave: z.coerce.number().int().positive().optional() }).strict()

export const responseCurveView = z.object({
  program: z.string(),
  window_days: z.number().int(),
  curves: z.array(responseCurve),
})
export type ResponseCurveView = z.infer<typeof responseCurveView>
