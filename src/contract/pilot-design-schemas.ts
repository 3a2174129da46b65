import { z } from 'zod'
import { reasonSchema } from './reason-schema.ts'

// POST /api/programs/:code/pilot-design (issue 7, item 5): a what-if that stores nothing. What the
// body leaves out comes from the program: the baseline from the case's control response rate, the
// uplift worth detecting from the case's break-even uplift, the control share from the plan.
// Rates and levels are checked here (each refusal names its field); the uplift, whose bounds
// depend on the baseline, is checked in core/stats/pilot-size.ts.
const level = z.number().gt(0).lt(1)

export const pilotDesignBody = z.object({
  baseline: level.optional(),
  uplift: z.number().optional(),
  alpha: level.default(0.05),
  power: level.default(0.8),
  controlShare: level.optional(),
}).strict()
export type PilotDesignBody = z.infer<typeof pilotDesignBody>

/** Money in roubles; null where the business case cannot price it yet (`caseMissing` says why). */
export const pilotDesign = z.object({
  program: z.string(),
  baseline: z.number(),
  baselineFrom: z.enum(['request', 'case']),
  uplift: z.number(),
  upliftFrom: z.enum(['request', 'break_even']),
  alpha: z.number(),
  power: z.number(),
  controlShare: z.number(),
  required: z.object({ target: z.number(), control: z.number(), total: z.number() }),
  /** The program's selection (the case's audience, or the latest wave's selection) split at the control share. */
  selection: z.object({
    audience: z.number(),
    audienceFrom: z.enum(['case', 'wave']),
    target: z.number(),
    control: z.number(),
    detectableUplift: z.number().nullable(),
    npvAtDetectable: z.number().nullable(),
  }).nullable(),
  /** The program's incremental NPV over the selection if the true uplift were `uplift`. */
  npvAtUplift: z.number().nullable(),
  plannedPilotSize: z.number().nullable(),
  warnings: z.array(reasonSchema),
  caseMissing: reasonSchema.optional(),
})
export type PilotDesignAnswer = z.infer<typeof pilotDesign>
