import type { Kysely } from 'kysely'
import type { Channel } from '../../contract/channels.ts'
import type { PolicyStep } from '../../contract/contact-policy.ts'
import type { PilotScope, WaveKind } from '../../contract/wave-schemas.ts'
import type { Schema } from '../schema.ts'

export type WaveSummary = {
  id: number
  programCode: string
  programName: string
  kind: WaveKind
  channel: Channel
  selectionId: number | null
  asOf: string
  target: number
  control: number
  controlShare: number
  eligible: number | null
  scope: PilotScope | null
  policyVersion: number
  funnel: { rule: PolicyStep; removed: number }[]
  rule: unknown
  builtAt: string
}

function waveQuery(db: Kysely<Schema>) {
  return db
    .selectFrom('waves as w')
    .innerJoin('programs as g', 'g.id', 'w.program_id')
    .select([
      'w.id',
      'g.code as program_code',
      'g.name as program_name',
      'w.kind',
      'w.channel',
      'w.selection_id',
      'w.as_of',
      'w.target_count',
      'w.control_count',
      'w.control_share',
      'w.eligible_count',
      'w.scope',
      'w.policy_version',
      'w.funnel',
      'w.rule',
      'w.built_at',
    ])
}

type WaveRow = Awaited<ReturnType<ReturnType<typeof waveQuery>['executeTakeFirstOrThrow']>>

export async function listWaves(db: Kysely<Schema>, filter: { programCode?: string; limit: number; offset: number }): Promise<{ total: number; items: WaveSummary[] }> {
  let query = waveQuery(db)
  let count = db.selectFrom('waves as w').innerJoin('programs as g', 'g.id', 'w.program_id').select((e) => e.fn.countAll<number>().as('n'))
  if (filter.programCode) {
    query = query.where('g.code', '=', filter.programCode)
    count = count.where('g.code', '=', filter.programCode)
  }
  const [rows, total] = await Promise.all([
    query.orderBy('w.id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    count.executeTakeFirstOrThrow(),
  ])
  return { total: Number(total.n), items: rows.map(toSummary) }
}

export async function findWave(db: Kysely<Schema>, id: number): Promise<WaveSummary | undefined> {
  const row = await waveQuery(db).where('w.id', '=', id).executeTakeFirst()
  return row && toSummary(row)
}

function toSummary(row: WaveRow): WaveSummary {
  return {
    id: row.id,
    programCode: row.program_code,
    programName: row.program_name,
    kind: row.kind as WaveKind,
    channel: row.channel as Channel,
    selectionId: row.selection_id,
    asOf: row.as_of,
    target: row.target_count,
    control: row.control_count,
    controlShare: Number(row.control_share),
    eligible: row.eligible_count,
    scope: row.scope as PilotScope | null,
    policyVersion: row.policy_version,
    funnel: row.funnel as WaveSummary['funnel'],
    rule: row.rule,
    builtAt: row.built_at.toISOString(),
  }
}

/**
 * Target and control by segment: the check that the split is balanced in every stratum. The split
 * is the program's hash in every segment alike (a fixed quota per segment would move clients
 * between groups as the base grows, breaking invariant 5), so balance is shown, not forced.
 */
export async function waveBalanceBySegment(db: Kysely<Schema>, waveId: number): Promise<{ segment: string; target: number; control: number }[]> {
  const rows = await db
    .selectFrom('wave_members as m')
    .innerJoin('clients as c', 'c.id', 'm.client_id')
    .select(['c.segment', 'm.group', (e) => e.fn.countAll<number>().as('n')])
    .where('m.wave_id', '=', waveId)
    .groupBy(['c.segment', 'm.group'])
    .execute()
  const bySegment = new Map<string, { segment: string; target: number; control: number }>()
  for (const r of rows) {
    const entry = bySegment.get(r.segment) ?? { segment: r.segment, target: 0, control: 0 }
    entry[r.group] = Number(r.n)
    bySegment.set(r.segment, entry)
  }
  return [...bySegment.values()].sort((a, b) => b.target + b.control - (a.target + a.control))
}
