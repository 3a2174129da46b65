import { z } from 'zod'
import { reasonSchema } from './reason-schema.ts'
import { VERDICT_RECOMMENDATIONS } from './verdict-recommendations.ts'

/** POST /api/programs/:code/verdict/explanation: why the pilot's groups are not the designed split. */
export const srmExplanationBody = z.object({ explanation: z.string().trim().min(1).max(2000) }).strict()

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
  alwaysValid: z.object({ ci: interval, p: z.number(), widthRatio: z.number() }).optional(),
  recommendation: z.enum(VERDICT_RECOMMENDATIONS),
  reason: reasonSchema,
})

/** GET /api/programs/:code/verdict, and the answer of an explanation. */
export const programVerdict = z.object({
  program: z.string(),
  wave: z.object({ id: z.number(), builtAt: z.string(), controlShare: z.number(), target: z.number(), control: z.number() }),
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
