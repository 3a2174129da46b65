import { z } from 'zod'
import { CHANNELS, type Channel } from './rule-catalogue.ts'

// The bank's contact policy (DOMAIN.md "Contact policy"): global, with per-program overrides.
// Defaults are typical figures, every one a setting.

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

export const DEFAULT_CONTACT_POLICY: ContactPolicy = {
  channelCaps: {
    email: { max: 2, days: 7 },
    sms: { max: 1, days: 7 },
    call: { max: 1, days: 14 },
    letter: { max: 1, days: 30 },
  },
  overallCap: { max: 4, days: 30 },
  complaintQuietDays: 30,
  excludeOtherRunningPrograms: true,
}

export function mergeContactPolicy(global: ContactPolicy, overrides: ContactPolicyOverrides): ContactPolicy {
  return {
    channelCaps: Object.fromEntries(
      CHANNELS.map((c: Channel) => [c, overrides.channelCaps?.[c] ?? global.channelCaps[c]]),
    ) as ContactPolicy['channelCaps'],
    overallCap: overrides.overallCap ?? global.overallCap,
    complaintQuietDays: overrides.complaintQuietDays ?? global.complaintQuietDays,
    excludeOtherRunningPrograms: overrides.excludeOtherRunningPrograms ?? global.excludeOtherRunningPrograms,
  }
}

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

export type UniversalHoldout = { share: number; seed: string }
export const DEFAULT_UNIVERSAL_HOLDOUT: UniversalHoldout = { share: 0.02, seed: 'universal-holdout' }
