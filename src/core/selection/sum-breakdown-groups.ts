import type { Channel } from '../../contract/channels.ts'
import { sortBreakdownEntries } from './sort-breakdown-entries.ts'

export type SelectionBreakdown = {
  count: number
  bySegment: { key: string; count: number }[]
  byRegion: { key: string | null; count: number }[]
  /** Clients that can be reached on each channel: active, not do-not-contact, consent given. */
  reachable: Record<Channel, number>
}

/** The clients of one segment and region that a rule selects, and how many are reachable per channel. */
export type BreakdownGroup = { segment: string; region: string | null; count: number; reachable: Record<Channel, number> }

/**
 * Sums the groups an engine counted into the breakdown the user sees. Engines count by segment and
 * region only (one aggregation, parallel in PostgreSQL; GROUPING SETS were 3× slower) and the few
 * dozen groups are summed here.
 */
export function sumBreakdownGroups(groups: readonly BreakdownGroup[]): SelectionBreakdown {
  const bySegment = new Map<string, number>()
  const byRegion = new Map<string | null, number>()
  const reachable = { email: 0, sms: 0, call: 0, letter: 0 }
  let count = 0
  for (const g of groups) {
    if (g.count === 0) continue
    count += g.count
    bySegment.set(g.segment, (bySegment.get(g.segment) ?? 0) + g.count)
    byRegion.set(g.region, (byRegion.get(g.region) ?? 0) + g.count)
    for (const channel of Object.keys(reachable) as Channel[]) reachable[channel] += g.reachable[channel]
  }
  return {
    count,
    bySegment: sortBreakdownEntries([...bySegment].map(([key, n]) => ({ key, count: n }))),
    byRegion: sortBreakdownEntries([...byRegion].map(([key, n]) => ({ key, count: n }))),
    reachable,
  }
}
