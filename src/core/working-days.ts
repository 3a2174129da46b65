import { addDays } from './selection/calendar.ts'

// The bank's working days: Monday to Friday less the non-working holidays of the Labour Code of the
// Russian Federation (art. 112): 1–8 January, 23 February, 8 March, 1 May, 9 May, 12 June and
// 4 November. A holiday that falls on a Saturday or Sunday moves the day off to the next working
// day (art. 112 part 2) — except the January ones, which the government moves by its decree for
// the year, as it may move other days too: those come as the calendar's own days off and working
// days (a Saturday made a working day), so a year's decree is data, not code.

/** A year's decree: days off beyond the statute, and weekend days made working days ('YYYY-MM-DD'). */
export type BankCalendar = { daysOff: readonly string[]; workingDays: readonly string[] }

export const STATUTE_ONLY: BankCalendar = { daysOff: [], workingDays: [] }

const JANUARY_HOLIDAYS = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08']
/** The holidays whose day off moves to the next working day when they fall on a weekend. */
const MOVING_HOLIDAYS = ['02-23', '03-08', '05-01', '05-09', '06-12', '11-04']

const isWeekend = (iso: string) => {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay()
  return weekday === 0 || weekday === 6
}

const holidaysOf = new Map<number, Set<string>>()

/** The statute's days off in a year: the holidays themselves and the weekdays their weekend days off moved to. */
function statutoryDaysOff(year: number): Set<string> {
  const cached = holidaysOf.get(year)
  if (cached) return cached
  const y = String(year).padStart(4, '0')
  const off = new Set([...JANUARY_HOLIDAYS, ...MOVING_HOLIDAYS].map((day) => `${y}-${day}`))
  for (const day of MOVING_HOLIDAYS) {
    const holiday = `${y}-${day}`
    if (!isWeekend(holiday)) continue
    let moved = addDays(holiday, 1)
    while (isWeekend(moved) || off.has(moved)) moved = addDays(moved, 1)
    off.add(moved)
  }
  holidaysOf.set(year, off)
  return off
}

/** Whether the bank's call centre and mailings work on a date ('YYYY-MM-DD'). */
export function isWorkingDay(iso: string, calendar: BankCalendar = STATUTE_ONLY): boolean {
  if (calendar.workingDays.includes(iso)) return true
  if (calendar.daysOff.includes(iso)) return false
  return !isWeekend(iso) && !statutoryDaysOff(Number(iso.slice(0, 4))).has(iso)
}

/**
 * The date `days` working days after `from` ('YYYY-MM-DD'), `from` itself not counted: a complaint
 * received on a Friday with one working day to answer is due on Monday (or later, over a holiday).
 */
export function addWorkingDays(from: string, days: number, calendar: BankCalendar = STATUTE_ONLY): string {
  let day = from
  for (let left = days; left > 0; ) {
    day = addDays(day, 1)
    if (isWorkingDay(day, calendar)) left -= 1
  }
  return day
}
