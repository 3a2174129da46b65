import { z } from 'zod'
import { contactPolicyOverridesSchema, contactPolicySchema } from './contact-policy.ts'
import { programCode } from './program-code.ts'

// The requests and answers of /api/contact-policy and /api/programs/:code/policy, shared by the
// routes (src/http/routes/wave-routes.ts) and the web's policy tab.

/** GET and PUT /api/contact-policy: the policy in force and its version (waves freeze the version). */
export const contactPolicyVersion = z.object({ version: z.number(), policy: contactPolicySchema })

export const programCodeParams = z.object({ code: programCode })

/** A program's own overrides: only the parts it changes, strict (an unknown key is a mistake). */
export const programPolicyBody = z.object({ overrides: contactPolicyOverridesSchema.strict() })

/** GET/PUT /api/programs/:code/policy: the overrides and the policy the program's next wave applies. */
export const programPolicy = z.object({
  programCode: z.string(),
  /** What the program changes in the bank's policy (absent parts follow the global policy). */
  overrides: contactPolicyOverridesSchema,
  /** The policy its next wave applies: the current global version with the overrides on top. */
  applied: contactPolicySchema,
  policyVersion: z.number(),
})
