import { CHANNELS, type Channel } from '../../contract/channels.ts'
import type { ContactPolicy, ContactPolicyOverrides } from '../../contract/contact-policy.ts'

// The bank's contact policy (DOMAIN.md "Contact policy"): its defaults and how a program's
// overrides apply. Its shape (the schemas the API checks) is contract/contact-policy.ts.
// Defaults are typical figures, every one a setting.

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

export type UniversalHoldout = { share: number; seed: string }
export const DEFAULT_UNIVERSAL_HOLDOUT: UniversalHoldout = { share: 0.02, seed: 'universal-holdout' }
