import { sql, type RawBuilder } from 'kysely'
import { bankDayStartSql } from '../../core/bank-day-sql.ts'
import { addDays } from '../../core/selection/calendar.ts'
import type { ContactPolicy, PolicyStep } from '../../contract/contact-policy.ts'
import type { UniversalHoldout } from '../../core/selection/contact-policy.ts'
import type { Channel } from '../../contract/channels.ts'
import { controlHashSql } from './control-hash-sql.ts'
import { consentInForceSql } from './current-consents-sql.ts'

export type PolicyRemovalInput = {
  /** The client's id column (`m.client_id`); `c` must be the client's row of `clients`. */
  clientId: RawBuilder<unknown>
  channel: Channel
  policy: ContactPolicy
  /** The bank day the windows end with, in the bank's zone (invariant 9). */
  asOf: string
  timeZone: string
  /** What counts is what happened before this instant: the end of asOf for a build, now for a send. */
  before: RawBuilder<unknown>
  /** The wave's own contacts never count against its caps. */
  waveId: number
  programId: number
  /** Only when building: a member admitted by the build is not moved by these at the send. */
  build?: { holdout: UniversalHoldout; includeHoldout: boolean }
}

/**
 * The contact policy (DOMAIN.md "Contact policy") as one SQL CASE: the first step that removes the
 * client, or NULL. The same rules serve the wave build and the check again just before each send
 * (invariant 2), so a consent withdrawn an hour ago, an opt-out, a new complaint or a contact made
 * meanwhile by another wave stops the send. A window of N days is the N bank days that end with
 * asOf (core/selection/removed-by-policy.ts, its twin, tested equal on random banks).
 */
export function policyRemovalSql(input: PolicyRemovalInput): RawBuilder<PolicyStep | null> {
  const { policy, asOf, channel, clientId, before } = input
  const windowStart = (days: number) => bankDayStartSql(addDays(asOf, 1 - days), input.timeZone)
  const cap = policy.channelCaps[channel]
  const holdout = input.build
    ? sql`WHEN ${!input.build.includeHoldout} AND ${controlHashSql(input.build.holdout.seed, clientId)} < ${input.build.holdout.share} THEN 'universal_holdout'`
    : sql``
  const otherProgram = input.build
    ? sql`WHEN ${policy.excludeOtherRunningPrograms} AND EXISTS (SELECT 1 FROM wave_members o JOIN waves w ON w.id = o.wave_id
      JOIN programs g ON g.id = w.program_id WHERE o.client_id = ${clientId} AND o."group" = 'target'
      AND g.status IN ('pilot', 'rollout') AND g.id <> ${input.programId}) THEN 'other_program'`
    : sql``
  return sql<PolicyStep | null>`CASE
    ${holdout}
    WHEN c.status <> 'active' THEN 'status'
    WHEN c.do_not_contact THEN 'do_not_contact'
    WHEN NOT coalesce(${consentInForceSql(clientId, channel, before)}, false) THEN 'consent'
    WHEN EXISTS (SELECT 1 FROM complaints q WHERE q.client_id = ${clientId} AND q.received_at < ${before}
      AND (q.status = 'open' OR coalesce(q.closed_at, q.received_at) >= ${windowStart(Math.max(policy.complaintQuietDays, 1))})) THEN 'complaint'
    WHEN (SELECT count(*) FROM contacts t WHERE t.client_id = ${clientId} AND t.channel = ${channel} AND t.status <> 'failed'
      AND t.sent_at >= ${windowStart(cap.days)} AND t.sent_at < ${before}
      AND t.wave_id IS DISTINCT FROM ${input.waveId}) >= ${cap.max} THEN 'channel_cap'
    WHEN (SELECT count(*) FROM contacts t WHERE t.client_id = ${clientId} AND t.status <> 'failed'
      AND t.sent_at >= ${windowStart(policy.overallCap.days)} AND t.sent_at < ${before}
      AND t.wave_id IS DISTINCT FROM ${input.waveId}) >= ${policy.overallCap.max} THEN 'overall_cap'
    ${otherProgram}
  END`
}
