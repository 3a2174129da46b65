import { CHANNELS, type Channel } from '../../contract/channels.ts'

// The mirror stores one small integer per client that says everything a breakdown needs: its
// segment, its region and the channels it can be reached on. A count groups by this one column
// (DuckDB aggregates small integers through a perfect hash, nearly as fast as count(*)) and the
// few hundred groups are summed up here. Grouping sets over two text columns were 5–10× slower.
//
//   key = (segment index × (regions + 1) + region index) × 16 + reachable bits
//
// Region index 0 is "no region"; reachable bit i is CHANNELS[i] — a client is reachable on a
// channel when active, not do-not-contact and with consent, exactly as breakdownProfile counts.

export type BreakdownDictionary = { segments: readonly string[]; regions: readonly string[] }

export type BreakdownKeyParts = { segment: string; region: string | null; reachable: readonly Channel[] }

const REACH_BITS = 16

/** The DuckDB expression of the key over the profile's own columns; $1 segments, $2 regions. */
export function breakdownKeySql(regionCount: number): string {
  const reach = CHANNELS.map((c, i) => `${2 ** i} * consent_${c}::INTEGER`).join(' + ')
  return `((list_position($1, segment) - 1) * ${regionCount + 1} + coalesce(list_position($2, region_code), 0)) * ${REACH_BITS}
    + CASE WHEN status = 'active' AND NOT do_not_contact THEN ${reach} ELSE 0 END`
}

export function decodeBreakdownKey(key: number, dictionary: BreakdownDictionary): BreakdownKeyParts {
  const reach = key % REACH_BITS
  const place = Math.floor(key / REACH_BITS)
  const width = dictionary.regions.length + 1
  const region = place % width
  return {
    segment: dictionary.segments[Math.floor(place / width)],
    region: region === 0 ? null : dictionary.regions[region - 1],
    reachable: CHANNELS.filter((_, i) => (reach >> i) & 1),
  }
}
