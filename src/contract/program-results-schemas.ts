import { z } from 'zod'
import { responseCurvePoint } from './response-curve-schemas.ts'
import { RESPONSE_TYPES } from './response-types.ts'

// GET /api/programs/:code/results and `otklik program results CODE --json` (issue 9, §3 and §6):
// each arm of the program — a wave, named by the offer it sends — against its control, per
// response type. The keys are snake_case because the CLI's contract names them so; the API gives
// the same shape. Rates and uplifts are fractions; values are in the program's money per member.

const interval = z.tuple([z.number(), z.number()])

export const armComparisonSchema = z.object({
  /** The offer code of the arm's wave, or `wave <id>` when it sends none. */
  arm: z.string(),
  wave: z.number().int(),
  offer: z.string().nullable(),
  response: z.enum(RESPONSE_TYPES),
  /** The arm's target members and those of them with a response of the type in the window. */
  members: z.number().int(),
  responders: z.number().int(),
  rate: z.number(),
  /** rate − the control's rate, with Newcombe's 95% interval and the two-sided p (z-test, or Fisher's exact test on small counts). */
  uplift: z.number(),
  ci: interval,
  p: z.number(),
  test: z.enum(['z', 'fisher']),
  /** The type's values (spend for a conversion) summed over the arm's members, per member; non-responders count 0. */
  value_per_member: z.number(),
  control: z.object({ members: z.number().int(), responders: z.number().int(), rate: z.number(), value_per_member: z.number() }),
  /** Value per member against the control's, with Welch's 95% interval and p; null when a group's values do not vary. */
  value_uplift: z.object({ difference: z.number(), ci: interval, p: z.number() }).nullable(),
})
export type ArmComparison = z.infer<typeof armComparisonSchema>

export const armResultSchema = armComparisonSchema.extend({
  /** The arm's cumulative response curve, target and control, day 0 … the window (contract/response-curve-schemas.ts). */
  curve: z.array(responseCurvePoint),
})
export type ArmResult = z.infer<typeof armResultSchema>

export const programResultsSchema = z.object({
  program: z.string(),
  /** Responses count from each wave's build for this many days (the case's attributionDays). */
  window_days: z.number().int(),
  arms: z.array(armResultSchema),
  /** The leads the program's contacts brought and the sales that closed them; value: exact roubles as a decimal string ('150000.50'). */
  lead_sales: z.object({ leads: z.number().int(), won: z.number().int(), value: z.string() }),
})
export type ProgramResults = z.infer<typeof programResultsSchema>
