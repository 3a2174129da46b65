import { z } from 'zod'
import { programCode } from './program-schemas.ts'
import { RESPONSE_TYPES } from './response-types.ts'

// A pilot's uplift broken down by a client attribute (issue 9, item 3): GET
// /api/programs/:code/breakdown?by=…&response=…, for the verdict's readers. The dimensions are a
// closed list, each compiled to its own SQL expression (never user text).

export const BREAKDOWN_DIMENSIONS = ['segment', 'region', 'branch', 'age_band'] as const
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number]

/** Age at the wave's day, in the bands a retail bank plans by. */
export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const

export const breakdownParams = z.object({ code: programCode })
export const breakdownQuery = z.object({ by: z.enum(BREAKDOWN_DIMENSIONS), response: z.enum(RESPONSE_TYPES) }).strict()

const arm = z.object({ n: z.number(), x: z.number(), rate: z.number() })

export const breakdownRow = z.object({
  /** The level's code (a segment, a region or branch code, an age band; 'unknown' where the profile has none). */
  level: z.string(),
  /** Its name as staff know it (the region's or branch's name), or null. */
  name: z.string().nullable(),
  target: arm,
  control: arm,
  uplift: z.number(),
  ci: z.tuple([z.number(), z.number()]),
  p: z.number(),
  /** Holm's adjustment over the levels compared (the family-wise error). */
  pHolm: z.number(),
  /** Benjamini–Hochberg's over the same levels (the false discovery rate). */
  pBh: z.number(),
})

export const breakdownView = z.object({
  program: z.string(),
  wave: z.number(),
  by: z.enum(BREAKDOWN_DIMENSIONS),
  response: z.enum(RESPONSE_TYPES),
  window: z.object({ from: z.string(), until: z.string(), days: z.number() }),
  alpha: z.number(),
  rows: z.array(breakdownRow),
  /** Levels with no member in one of the groups: nothing to compare, so left out of the adjustment. */
  skipped: z.array(z.object({ level: z.string(), name: z.string().nullable(), target: z.number(), control: z.number() })),
})
export type BreakdownView = z.infer<typeof breakdownView>
