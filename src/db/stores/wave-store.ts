import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import { bankDayStartSql } from '../../core/bank-day-sql.ts'
import { addDays } from '../../core/selection/calendar.ts'
import type { ContactPolicy, PolicyStep } from '../../contract/contact-policy.ts'
import type { UniversalHoldout } from '../../core/selection/contact-policy.ts'
import type { Channel } from '../../contract/channels.ts'
import type { Schema } from '../schema.ts'
import { pilotSampleSeed } from '../../core/selection/pilot-sample.ts'
import { controlHashSql } from './control-hash-sql.ts'
import { policyRemovalSql } from './policy-removal-sql.ts'

export type BuildMembersInput = {
  waveId: number
  programId: number
  where: RawBuilder<SqlBool>
  channel: Channel
  /** The bank day the wave is built for, and the bank's zone its days (caps, quiet periods) count in. */
  asOf: string
  timeZone: string
  policy: ContactPolicy
  holdout: UniversalHoldout
  includeHoldout: boolean
  seed: string
  controlShare: number
  /** A pilot's cut of the selection: only these branches or regions, then a sample of N (by pilotSampleSeed). */
  scope?: { branches?: readonly string[]; regions?: readonly string[]; sampleSize?: number }
}

export type BuildMembersResult = {
  removed: Map<PolicyStep, number>
  matched: number
  /** Clients the contact policy lets through; `inScope` of them are in the pilot's branches or regions. */
  eligible: number
  inScope: number
  target: number
  control: number
}

/** The profile's clients in the scope's branches or regions (all when it names none). */
function inScopeSql(scope: BuildMembersInput['scope']): RawBuilder<SqlBool> {
  const within = (column: string, codes: readonly string[]) => sql<SqlBool>`coalesce(${sql.ref(column)} IN (${sql.join(codes.map((code) => sql`${code}`))}), false)`
  if (scope?.branches?.length) return within('p.branch_code', scope.branches)
  if (scope?.regions?.length) return within('p.region_code', scope.regions)
  return sql<SqlBool>`true`
}

/** Of the eligible clients in scope: a sample of N by the sample hash (core/selection/pilot-sample.ts), or all. */
function chosenSql(seed: string, sampleSize: number | undefined): RawBuilder<unknown> {
  const eligible = sql`SELECT client_id FROM candidates WHERE removed_by IS NULL AND in_scope`
  if (sampleSize === undefined) return eligible
  return sql`${eligible} ORDER BY ${controlHashSql(pilotSampleSeed(seed), sql.ref('client_id'))}, client_id LIMIT ${sampleSize}`
}

/**
 * Freezes a wave's members in one statement: clients that pass the rule (on the profile), then the
 * universal holdout and the contact policy (on the live tables — the profile may be hours old),
 * then the target/control split by the program's hash. Each client removed is counted under the
 * first policy step that removed it. The wave's own contacts never count against its caps, so
 * rebuilding a wave that was already sent gives the same members.
 */
export async function buildWaveMembers(db: Kysely<Schema>, input: BuildMembersInput): Promise<BuildMembersResult> {
  const removedBy = policyRemovalSql({
    clientId: sql.ref('m.client_id'),
    channel: input.channel,
    policy: input.policy,
    asOf: input.asOf,
    timeZone: input.timeZone,
    before: bankDayStartSql(addDays(input.asOf, 1), input.timeZone),
    waveId: input.waveId,
    programId: input.programId,
    build: { holdout: input.holdout, includeHoldout: input.includeHoldout },
  })
  const rows = await sql<{ kind: string; key: string | null; n: number }>`
    WITH matched AS MATERIALIZED (SELECT p.client_id, ${inScopeSql(input.scope)} AS in_scope FROM client_profile p WHERE ${input.where}),
    candidates AS MATERIALIZED (
      SELECT m.client_id, m.in_scope, ${removedBy} AS removed_by
      FROM matched m JOIN clients c ON c.id = m.client_id
    ),
    chosen AS MATERIALIZED (${chosenSql(input.seed, input.scope?.sampleSize)}),
    inserted AS (
      INSERT INTO wave_members (client_id, wave_id, "group")
      SELECT client_id, ${input.waveId},
        CASE WHEN ${controlHashSql(input.seed, sql.ref('client_id'))} < ${input.controlShare} THEN 'control' ELSE 'target' END
      FROM chosen
      RETURNING "group"
    )
    SELECT 'removed' AS kind, removed_by AS key, count(*)::int AS n FROM candidates GROUP BY removed_by
    UNION ALL
    SELECT 'group', "group", count(*)::int FROM inserted GROUP BY "group"
    UNION ALL
    SELECT 'in_scope', in_scope::text, count(*)::int FROM candidates WHERE removed_by IS NULL GROUP BY in_scope
  `.execute(db)
  const removed = new Map<PolicyStep, number>()
  let matched = 0
  for (const r of rows.rows) {
    if (r.kind === 'removed') matched += Number(r.n)
    if (r.kind === 'removed' && r.key) removed.set(r.key as PolicyStep, Number(r.n))
  }
  const count = (kind: string, key: string) => Number(rows.rows.find((r) => r.kind === kind && r.key === key)?.n ?? 0)
  const inScope = count('in_scope', 'true')
  return { removed, matched, eligible: inScope + count('in_scope', 'false'), inScope, target: count('group', 'target'), control: count('group', 'control') }
}

export async function deleteWaveMembers(db: Kysely<Schema>, waveId: number): Promise<void> {
  await db.deleteFrom('wave_members').where('wave_id', '=', waveId).execute()
}
