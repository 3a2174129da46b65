import { sql, type Kysely } from 'kysely'
import type { CompiledRule } from '../../core/selection/compile-rule.ts'
import { sortBreakdownEntries } from '../../core/selection/sort-breakdown-entries.ts'
import type { Schema } from '../schema.ts'
import type { SelectionBreakdown } from '../stores/selection-store.ts'
import { decodeBreakdownKey } from './breakdown-key.ts'
import type { ProfileMirror, ProfileMirrorSnapshot } from './open-profile-mirror.ts'

/**
 * The count of a compiled rule with its breakdown, answered by the DuckDB mirror: the same WHERE
 * as on PostgreSQL (compiled by Kysely, $1… parameters), grouped by the mirror's breakdown_key.
 */
export async function breakdownMirror(
  mirror: ProfileMirror,
  snapshot: ProfileMirrorSnapshot,
  db: Kysely<Schema>,
  compiled: CompiledRule,
): Promise<SelectionBreakdown> {
  // Kysely only builds the SQL text here; DuckDB runs it.
  const query = db
    .selectFrom(sql`${sql.table(snapshot.table)}`.as('p'))
    .select([sql<number>`p.breakdown_key`.as('key'), sql<bigint>`count(*)`.as('n')])
    .where(compiled.where)
    .groupBy(sql`p.breakdown_key`)
    .compile()
  const rows = await mirror.query({ snapshot, sql: query.sql, parameters: query.parameters })
  return sumGroups(rows as { key: number; n: bigint }[], snapshot)
}

function sumGroups(rows: readonly { key: number; n: bigint }[], snapshot: ProfileMirrorSnapshot): SelectionBreakdown {
  const bySegment = new Map<string, number>()
  const byRegion = new Map<string | null, number>()
  const reachable = { email: 0, sms: 0, call: 0, letter: 0 }
  let count = 0
  for (const row of rows) {
    const n = Number(row.n)
    const group = decodeBreakdownKey(Number(row.key), snapshot)
    count += n
    bySegment.set(group.segment, (bySegment.get(group.segment) ?? 0) + n)
    byRegion.set(group.region, (byRegion.get(group.region) ?? 0) + n)
    for (const channel of group.reachable) reachable[channel] += n
  }
  return {
    count,
    bySegment: sortBreakdownEntries([...bySegment].map(([key, n]) => ({ key, count: n }))),
    byRegion: sortBreakdownEntries([...byRegion].map(([key, n]) => ({ key, count: n }))),
    reachable,
  }
}
