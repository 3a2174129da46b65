import type { UpliftTable } from './uplift-table.ts'

/** Members and responders of each group among some members of a table. */
export type UpliftGroupCounts = { treated: number; treatedResponders: number; control: number; controlResponders: number }

export function countUpliftGroups(table: UpliftTable, members: Iterable<number>): UpliftGroupCounts {
  const counts = { treated: 0, treatedResponders: 0, control: 0, controlResponders: 0 }
  for (const i of members) {
    if (table.treatment[i] === 1) {
      counts.treated++
      counts.treatedResponders += table.outcome[i]!
    } else {
      counts.control++
      counts.controlResponders += table.outcome[i]!
    }
  }
  return counts
}
