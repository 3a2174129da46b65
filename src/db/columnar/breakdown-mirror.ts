import { sql, type Kysely } from 'kysely'
import type { CompiledRule } from '../../core/selection/compile-rule.ts'
import { CHANNELS, type Channel } from '../../contract/channels.ts'
import { sumBreakdownGroups, type SelectionBreakdown } from '../../core/selection/sum-breakdown-groups.ts'
import type { Schema } from '../schema.ts'
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
  return sumBreakdownGroups(
    rows.map((row) => {
      const n = Number(row.n)
      const { segment, region, reachable } = decodeBreakdownKey(Number(row.key), snapshot)
      return { segment, region, count: n, reachable: Object.fromEntries(CHANNELS.map((c) => [c, reachable.includes(c) ? n : 0])) as Record<Channel, number> }
    }),
  )
}
