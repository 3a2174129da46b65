import { z } from 'zod'
import { PROGRAM_STATUSES } from './program-schemas.ts'
import { RESPONSE_TYPES } from './response-types.ts'
import { VERDICT_RECOMMENDATIONS } from './verdict-recommendations.ts'

// GET /api/program-returns (issue 9, "the head sees which programs paid"): every program with a
// wave, its incremental result over its control priced in money where its business case prices it,
// the most profitable first. Money in roubles (the program's own money for an imported experiment).

const estimate = z.object({ estimate: z.number(), ci: z.tuple([z.number(), z.number()]) })

export const programReturn = z.object({
  program: z.string(),
  name: z.string(),
  status: z.enum(PROGRAM_STATUSES),
  /** verdict: the pilot's verdict, priced by the business case; results: an arm's result, not priced (no complete case). */
  basis: z.enum(['verdict', 'results']),
  wave: z.number().int(),
  /** The arm's name as in the results; null for a verdict (the pilot wave). */
  arm: z.string().nullable(),
  /** The response the row reads: the deepest step of the funnel measured, the closest to the product the case prices. */
  response: z.enum(RESPONSE_TYPES),
  target: z.number().int(),
  control: z.number().int(),
  uplift: estimate,
  p: z.number(),
  significant: z.boolean(),
  windowClosed: z.boolean(),
  incrementalResponders: estimate,
  /** Verdict: incremental products × value per product; results: the value per member's difference × the target (null without values). */
  incrementalRevenue: estimate.nullable(),
  /** The wave's contacts as the case costs them; null without a case. */
  cost: z.number().nullable(),
  /** Revenue − cost, with the uplift's interval carried through; null without a case. */
  incrementalProfit: estimate.nullable(),
  recommendation: z.enum(VERDICT_RECOMMENDATIONS).nullable(),
  /** The business case on the same wave: its planned uplift, the profit that uplift would have made on this wave, and the case's NPV. */
  plan: z.object({ uplift: z.number(), incrementalProfit: z.number(), npv: z.number() }).nullable(),
})
export type ProgramReturn = z.infer<typeof programReturn>

export const programReturns = z.object({
  items: z.array(programReturn),
  /** Programs with no wave yet: nothing to measure. */
  withoutWaves: z.number().int(),
})
export type ProgramReturns = z.infer<typeof programReturns>
