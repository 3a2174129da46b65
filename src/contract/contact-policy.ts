import { z } from 'zod'

// The bank's contact policy (DOMAIN.md "Contact policy"): global, with per-program overrides.
// The API checks both with these schemas; defaults and the merge are core/selection/contact-policy.ts.

const cap = z.object({
  max: z.number().int().min(0).max(1000),
  days: z.number().int().min(1).max(365),
})

export const contactPolicySchema = z.object({
  channelCaps: z.object({ email: cap, sms: cap, call: cap, letter: cap }),
  overallCap: cap,
  /** No marketing while a complaint is open and for this many days after it was received or closed. */
  complaintQuietDays: z.number().int().min(0).max(365),
  /** Clients in the target group of another running program (pilot or rollout) are left out. */
  excludeOtherRunningPrograms: z.boolean(),
})
export type ContactPolicy = z.infer<typeof contactPolicySchema>

export const contactPolicyOverridesSchema = z
  .object({
    channelCaps: z.object({ email: cap, sms: cap, call: cap, letter: cap }).partial(),
    overallCap: cap,
    complaintQuietDays: contactPolicySchema.shape.complaintQuietDays,
    excludeOtherRunningPrograms: z.boolean(),
  })
  .partial()
export type ContactPolicyOverrides = z.infer<typeof contactPolicyOverridesSchema>

/** The funnel's steps, in the order they are applied: a client is counted by the first that removes it. */
export const POLICY_STEPS = [
  'universal_holdout',
  'status',
  'do_not_contact',
  'consent',
  'complaint',
  'channel_cap',
  'overall_cap',
  'other_program',
] as const
export type PolicyStep = (typeof POLICY_STEPS)[number]
