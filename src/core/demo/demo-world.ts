import { calendarMonth, dayNumber, isoDay, monthStart } from './day-number.ts'
import { DEMO_BRANCHES } from './demo-branches.ts'
import { DEMO_REGIONS, type DemoRegion } from './demo-regions.ts'
import { weightedChoice, type WeightedChoice } from './weighted-choice.ts'

/** Months of activity the demo bank has: up to the month before "today". */
export const DEMO_ACTIVITY_MONTHS = 15

export type DemoMonth = { day: number; endDay: number; iso: string; calendarMonth: number }

export type DemoWorldBranch = { id: number; code: string; city: string }

/** Everything one client's rows depend on besides the client's own random stream. */
export type DemoWorld = {
  seed: number
  /** The database id of client number 0. */
  firstClientId: number
  today: number
  months: readonly DemoMonth[]
  regionChoice: WeightedChoice<DemoRegion>
  branchChoice: Readonly<Record<string, WeightedChoice<DemoWorldBranch>>>
  personalManagerIds: Readonly<Record<string, readonly number[]>>
  /** Who wrote the branch notes (the branch demo user), if anyone. */
  noteAuthorId: number | null
}

export type DemoWorldInput = {
  seed: number
  firstClientId: number
  now: Date
  /** Database ids of the demo branches by code. */
  branchIds: Readonly<Record<string, number>>
  personalManagers: readonly { id: number; regionCode: string }[]
  noteAuthorId: number | null
}

export function createDemoWorld(input: DemoWorldInput): DemoWorld {
  const today = dayNumber(input.now)
  const first = monthStart(today, -DEMO_ACTIVITY_MONTHS)
  const months = Array.from({ length: DEMO_ACTIVITY_MONTHS }, (_, i): DemoMonth => {
    const day = monthStart(first, i)
    return { day, endDay: monthStart(day, 1) - 1, iso: isoDay(day), calendarMonth: calendarMonth(day) }
  })
  const branchChoice: Record<string, WeightedChoice<DemoWorldBranch>> = {}
  const personalManagerIds: Record<string, number[]> = {}
  for (const region of DEMO_REGIONS) {
    const branches = DEMO_BRANCHES.filter((b) => b.regionCode === region.code)
    branchChoice[region.code] = weightedChoice(
      branches.map((b) => [{ id: branchId(input.branchIds, b.code), code: b.code, city: b.city }, b.weight] as const),
    )
    personalManagerIds[region.code] = input.personalManagers.filter((m) => m.regionCode === region.code).map((m) => m.id)
  }
  return {
    seed: input.seed,
    firstClientId: input.firstClientId,
    today,
    months,
    regionChoice: weightedChoice(DEMO_REGIONS.map((r) => [r, r.weight] as const)),
    branchChoice,
    personalManagerIds,
    noteAuthorId: input.noteAuthorId,
  }
}

function branchId(ids: Readonly<Record<string, number>>, code: string): number {
  const id = ids[code]
  if (id === undefined) throw new Error(`no id for demo branch ${code}`)
  return id
}
