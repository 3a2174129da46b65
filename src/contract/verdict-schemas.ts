import { z } from 'zod'
import { booleanParam, optionalParam } from './query-params.ts'
import { reasonSchema } from './reason-schema.ts'
import { VERDICT_RECOMMENDATIONS } from './verdict-recommendations.ts'

/** POST /api/programs/:code/verdict/explanation: why the pilot's groups are not the designed split. */
export const srmExplanationBody = z.object({ explanation: z.string().trim().min(1).max(2000) }).strict()

export const VERDICT_MONITORING = ['fixed', 'always_valid'] as const
export type VerdictMonitoring = (typeof VERDICT_MONITORING)[number]

/**
 * GET /api/programs/:code/verdict?cuped=true&monitoring=always_valid: CUPED on the values (spend,
 * balance) with the members' pre-period activity, and the always-valid interval for a head who
 * looks every day (the recommendation then reads it). Both off by default.
 */
export const verdictQuery = z
  .object({
    cuped: optionalParam(booleanParam).transform((value) => value ?? false),
    monitoring: optionalParam(z.enum(VERDICT_MONITORING)).transform((value) => value ?? 'fixed'),
  })
  .strict()
export type VerdictOptions = z.output<typeof verdictQuery>

const interval = z.tuple([z.number(), z.number()])
const arm = z.object({ n: z.number(), responders: z.number(), rate: z.number() })
const welch = z.object({ difference: z.number(), se: z.number(), df: z.number(), t: z.number(), p: z.number(), ci: interval })

/** One response type of the verdict (core/program/judge-program-verdict.ts). Money in roubles. */
export const responseVerdict = z.object({
  /** One of contract/response-types.ts. */
  type: z.string(),
  arms: z.object({ target: arm, control: arm }),
  uplift: z.number(),
  relativeUplift: z.number().nullable(),
  ci: interval,
  relativeCi: interval.nullable(),
  p: z.number(),
  test: z.enum(['z', 'fisher']),
  pAdjusted: z.number(),
  significant: z.boolean(),
  incrementalResponders: z.object({ estimate: z.number(), ci: interval }),
  conversion: z.number(),
  incrementalProducts: z.object({ estimate: z.number(), ci: interval }),
  incrementalProfit: z.object({ estimate: z.number(), ci: interval }),
  values: z.object({ welch, cuped: z.object({ theta: z.number(), adjusted: welch, varianceReduction: z.number(), widthRatio: z.number() }).optional() }).optional(),
  /** With monitoring=always_valid; the recommendation then reads this interval and its profit. */
  alwaysValid: z.object({ ci: interval, p: z.number(), widthRatio: z.number(), incrementalProfit: z.object({ ci: interval }) }).optional(),
  recommendation: z.enum(VERDICT_RECOMMENDATIONS),
  reason: reasonSchema,
})

/** GET /api/programs/:code/verdict, and the answer of an explanation. */
export const programVerdict = z.object({
  program: z.string(),
  wave: z.object({ id: z.number(), builtAt: z.string(), asOf: z.string(), controlShare: z.number(), target: z.number(), control: z.number() }),
  /** What was asked for, and what CUPED and the always-valid interval were given. */
  options: z.object({
    cuped: z
      .object({
        /** The whole months before the wave whose activity is the covariate. */
        preperiod: z.object({ from: z.string(), until: z.string(), months: z.number() }),
        /** Per value type, the activity column summed over the pre-period. */
        covariates: z.record(z.string(), z.string()),
      })
      .nullable(),
    monitoring: z.enum(VERDICT_MONITORING),
    /** The pilot as designed, fixed before the first look: the always-valid mixture is tuned to it. */
    planned: z.object({ target: z.number(), control: z.number(), baseline: z.number() }).nullable(),
  }),
  window: z.object({ days: z.number(), from: z.string(), until: z.string(), closed: z.boolean() }),
  alpha: z.number(),
  srm: z.object({
    chi2: z.number(),
    p: z.number(),
    blocked: z.boolean(),
    explained: z.boolean(),
    explanation: z.object({ at: z.string(), login: z.string(), text: z.string() }).nullable(),
  }),
  waveCost: z.number(),
  economics: z.object({ conversion: z.number(), valuePerProduct: z.number(), breakEvenUplift: z.number().nullable() }),
  responses: z.array(responseVerdict),
})
