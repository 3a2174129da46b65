/** One wave's group: its members, the last day its curve reaches, and how many members first responded on each day since the wave. */
export type CurveCohort = {
  members: number
  /** The window's length, or the days elapsed so far while the window is open: no point is drawn past what could be seen. */
  lastDay: number
  /** Day k counts the members whose first response came in [wave + k days, wave + k + 1 days). */
  firstDays: readonly { day: number; responders: number }[]
}

const DAY_MS = 86_400_000

/**
 * The last day a wave's curve reaches: the window's length once it has closed, and while it is
 * open the days begun so far (the last point then holds the responses up to now, as the results do).
 */
export function curveLastDay(input: { from: string; days: number; now: Date }): number {
  const begun = Math.ceil((input.now.getTime() - new Date(input.from).getTime()) / DAY_MS)
  return Math.max(0, Math.min(input.days, begun))
}

export type CurveGroupPoint = { members: number; responders: number; share: number }
export type ResponseCurvePoint = { day: number; target: CurveGroupPoint; control: CurveGroupPoint }

/**
 * The cumulative response curve (issue 9, item 3): at day d, the share of a group's members who
 * responded within d days of their wave (day 0 is the origin, day = window the arm's whole rate).
 * Several waves pool as cohorts: a wave counts at day d only once it has reached day d, so a
 * wave built last week does not drag the program's curve down at day 20 with members who have
 * not had twenty days yet. Target and control are measured alike, which is what makes the gap
 * between the two curves the program's effect day by day.
 */
export function cumulateResponseCurve(input: { target: readonly CurveCohort[]; control: readonly CurveCohort[] }): ResponseCurvePoint[] {
  const lastDay = Math.max(-1, ...[...input.target, ...input.control].map((c) => c.lastDay))
  const target = input.target.map(cumulate)
  const control = input.control.map(cumulate)
  const points: ResponseCurvePoint[] = []
  for (let day = 0; day <= lastDay; day++) points.push({ day, target: pool(target, day), control: pool(control, day) })
  return points
}

type Cumulated = { members: number; lastDay: number; responders: number[] }

/** responders[d]: members whose first response came before day d, for d = 0..lastDay. */
function cumulate(cohort: CurveCohort): Cumulated {
  const perDay = new Array<number>(cohort.lastDay + 1).fill(0)
  for (const { day, responders } of cohort.firstDays) if (day >= 0 && day < cohort.lastDay) perDay[day]! += responders
  const responders = [0]
  for (let day = 1; day <= cohort.lastDay; day++) responders.push(responders[day - 1]! + perDay[day - 1]!)
  return { members: cohort.members, lastDay: cohort.lastDay, responders }
}

function pool(cohorts: readonly Cumulated[], day: number): CurveGroupPoint {
  let members = 0
  let responders = 0
  for (const c of cohorts) {
    if (c.lastDay < day) continue
    members += c.members
    responders += c.responders[day]!
  }
  return { members, responders, share: members === 0 ? 0 : responders / members }
}
