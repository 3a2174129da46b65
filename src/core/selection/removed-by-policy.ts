import { bankDayStart } from '../bank-day.ts'
import { consentInForce, type ConsentRecord } from '../current-consents.ts'
import { addDays } from './calendar.ts'
import type { ContactPolicy, PolicyStep } from '../../contract/contact-policy.ts'
import type { UniversalHoldout } from './contact-policy.ts'
import { controlHash } from './control-hash.ts'
import type { Channel } from '../../contract/channels.ts'

// The contact policy for one client, as a pure function of the live facts: the definition that
// the wave's SQL (db/stores/wave-store.ts) twins, held equal by the wave property tests.

export type ContactFacts = {
  clientId: number
  status: string
  doNotContact: boolean
  consents: readonly ConsentRecord[]
  complaints: readonly { receivedAt: string; status: string; closedAt: string | null }[]
  contacts: readonly { channel: string; sentAt: string; status: string; waveId: number | null }[]
  /** In the target group of a wave of another program that is running (pilot or rollout). */
  inOtherRunningProgram: boolean
}

export type PolicyCheck = {
  channel: Channel
  policy: ContactPolicy
  holdout: UniversalHoldout
  includeHoldout: boolean
  /** The wave being built: its own contacts never count against its caps. */
  waveId: number | null
  /** The bank day the wave is built for, and the bank's time zone its days count in. */
  asOf: string
  timeZone: string
}

/**
 * The first policy step (in POLICY_STEPS order) that keeps the client out of the wave, or null when
 * the client may be contacted. Windows of N days are the N bank days ending with `asOf`; a quiet
 * period of 0 days still keeps out a complaint received or closed on `asOf` itself.
 */
export function removedByPolicy(facts: ContactFacts, check: PolicyCheck): PolicyStep | null {
  const { policy, channel } = check
  const dayEnd = bankDayStart(addDays(check.asOf, 1), check.timeZone)
  const windowStart = (days: number) => bankDayStart(addDays(check.asOf, 1 - days), check.timeZone)
  const inWindow = (instant: string, days: number) => Date.parse(instant) >= windowStart(days) && Date.parse(instant) < dayEnd
  if (!check.includeHoldout && controlHash(check.holdout.seed, facts.clientId) < check.holdout.share) return 'universal_holdout'
  if (facts.status !== 'active') return 'status'
  if (facts.doNotContact) return 'do_not_contact'
  if (!consentInForce(facts.consents, channel, dayEnd)) return 'consent'
  const quietStart = windowStart(Math.max(policy.complaintQuietDays, 1))
  const quiet = (q: ContactFacts['complaints'][number]) =>
    Date.parse(q.receivedAt) < dayEnd && (q.status === 'open' || Date.parse(q.closedAt ?? q.receivedAt) >= quietStart)
  if (facts.complaints.some(quiet)) return 'complaint'
  const counted = facts.contacts.filter((t) => t.status !== 'failed' && (check.waveId === null || t.waveId !== check.waveId))
  const cap = policy.channelCaps[channel]
  if (counted.filter((t) => t.channel === channel && inWindow(t.sentAt, cap.days)).length >= cap.max) return 'channel_cap'
  if (counted.filter((t) => inWindow(t.sentAt, policy.overallCap.days)).length >= policy.overallCap.max) return 'overall_cap'
  if (policy.excludeOtherRunningPrograms && facts.inOtherRunningProgram) return 'other_program'
  return null
}
