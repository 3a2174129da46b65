import { z } from 'zod'
import { CHANNELS } from './channels.ts'
import { POLICY_STEPS } from './contact-policy.ts'
import { programCode } from './program-code.ts'
import { optionalParam, pageParams, recordId } from './query-params.ts'

// The requests and answers of /api/waves, shared by the routes (src/http/routes/wave-routes.ts) and
// the web (web/src/features/selections/selection-types.ts).

export const WAVE_KINDS = ['pilot', 'rollout'] as const
export type WaveKind = (typeof WAVE_KINDS)[number]

/** A wave's two groups: the target is contacted, the control is not (DESIGN.md glossary). */
export const WAVE_GROUPS = ['target', 'control'] as const
export type WaveGroup = (typeof WAVE_GROUPS)[number]

const placeCode = z.string().trim().min(1).max(40)
const places = z.array(placeCode).min(1).max(500).refine((list) => new Set(list).size === list.length, 'each code once')

/** A pilot on a random sample of N members of the selection (drawn by the wave's seed: core/selection/pilot-sample.ts). */
export const waveSample = z.object({ size: z.number().int().positive().max(100_000_000) }).strict()
/** A pilot in chosen branches or regions only (codes as in GET /api/branches and /api/regions). */
export const wavePlaces = z.union([z.object({ branches: places }).strict(), z.object({ regions: places }).strict()])

/** What a pilot wave takes of its selection, as the wave records it; null on a wave that took all of it. */
export const pilotScope = z.object({
  sample: waveSample.optional(),
  branches: z.array(z.string()).optional(),
  regions: z.array(z.string()).optional(),
})
export type PilotScope = z.infer<typeof pilotScope>

/** The body of POST /api/waves/preview and POST /api/waves; the rule is checked by parseRule. */
export const waveBody = z.object({
  programCode,
  rule: z.unknown(),
  channel: z.enum(CHANNELS),
  controlShare: z.number().gt(0).lt(1).optional(),
  kind: z.enum(WAVE_KINDS).default('pilot'),
  selectionId: recordId.optional(),
  stratifyBy: z.enum(['segment']).optional(),
  sample: waveSample.optional(),
  scope: wavePlaces.optional(),
})

export const waveListQuery = z.object({ program: optionalParam(z.string().max(64)), ...pageParams })

/** Each step of the contact policy with the clients it removed (the first step that removes a client counts it). */
export const funnel = z.array(z.object({ rule: z.enum(POLICY_STEPS), removed: z.number() }))

/** POST /api/waves and POST /api/waves/:id/rebuild; the preview answers the same without `wave`. */
export const waveResult = z.object({
  wave: z.number(),
  matched: z.number(),
  /** Clients of the selection the contact policy lets through, before a pilot's sample or branches cut them. */
  eligible: z.number(),
  target: z.number(),
  control: z.number(),
  funnel,
})
export const wavePreview = waveResult.omit({ wave: true })

export const waveSummary = z.object({
  id: z.number(),
  programCode: z.string(),
  programName: z.string(),
  kind: z.enum(WAVE_KINDS),
  channel: z.enum(CHANNELS),
  selectionId: z.number().nullable(),
  asOf: z.string(),
  target: z.number(),
  control: z.number(),
  controlShare: z.number(),
  /** Null for a wave built before pilot scopes were recorded. */
  eligible: z.number().nullable(),
  scope: pilotScope.nullable(),
  policyVersion: z.number(),
  funnel,
  rule: z.unknown(),
  builtAt: z.string(),
})

export const waveList = z.object({ total: z.number(), items: z.array(waveSummary) })

/** GET /api/waves/:id: the summary with the balance of target and control per segment. */
export const waveDetail = waveSummary.extend({
  bySegment: z.array(z.object({ segment: z.string(), target: z.number(), control: z.number() })),
})
