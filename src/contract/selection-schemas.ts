import { z } from 'zod'
import { CHANNELS } from './channels.ts'
import { POLICY_STEPS } from './contact-policy.ts'
import { fieldDefinitionSchema } from './rule-field-definition.ts'

// The requests and answers of /api/selections and /api/profile/refresh, shared by the routes
// (src/http/routes/selection-routes.ts) and the web (web/src/features/selections/selection-types.ts).

/**
 * A rule arrives as free JSON and is validated against the rule catalogue by parseRule, whose
 * errors name the path of the bad part (all[2].value); the schemas only carry it.
 */
export const ruleBody = z.object({ rule: z.unknown() })

export const selectionBody = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable().default(null),
  rule: z.unknown(),
})

/** POST /api/selections/count: how many, by segment and region, and how many each channel reaches. */
export const selectionCount = z.object({
  count: z.number(),
  bySegment: z.array(z.object({ key: z.string(), count: z.number() })),
  byRegion: z.array(z.object({ key: z.string().nullable(), count: z.number() })),
  reachable: z.object({ email: z.number(), sms: z.number(), call: z.number(), letter: z.number() }),
})

export const savedSelection = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  rule: z.unknown(),
  version: z.number(),
  updatedAt: z.string(),
})

export const selectionList = z.object({ total: z.number(), items: z.array(savedSelection) })

/** GET /api/selections/catalogue: what the rule builder offers, and the codes a condition can name. */
export const selectionCatalogue = z.object({
  fields: z.array(fieldDefinitionSchema).readonly(),
  channels: z.array(z.enum(CHANNELS)).readonly(),
  policySteps: z.array(z.enum(POLICY_STEPS)).readonly(),
  products: z.array(z.object({ code: z.string(), name: z.string(), type: z.string() })),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
  branches: z.array(z.object({ code: z.string(), name: z.string(), regionCode: z.string() })),
})

/** POST /api/profile/refresh */
export const profileRefreshResult = z.object({ clients: z.number(), asOf: z.string(), ms: z.number() })
