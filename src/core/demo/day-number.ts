// The demo bank counts time in whole UTC days since 1970-01-01: cheap to add and compare for
// millions of rows, and turned into 'YYYY-MM-DD' only when a row is written.
const MS_PER_DAY = 86_400_000
const MINUTES_PER_DAY = 1_440

export const DAYS_PER_YEAR = 365.25

export function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY)
}

export function dayOfIso(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY)
}

// Formatting dates is the generator's hottest spot; a demo bank spans a century of days at most.
const isoDays = new Map<number, string>()

export function isoDay(day: number): string {
  let iso = isoDays.get(day)
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
    if (isoDays.size < 100_000) isoDays.set(day, iso)
  }
  return iso
}

/** An ISO 8601 UTC timestamp for a day and a minute from its start (may fall outside 0–1439). */
export function isoTimestamp(day: number, minute: number): string {
  const dayOffset = Math.floor(minute / MINUTES_PER_DAY)
  const inDay = minute - dayOffset * MINUTES_PER_DAY
  const hh = Math.floor(inDay / 60)
  const mm = inDay % 60
  return `${isoDay(day + dayOffset)}T${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}:00Z`
}

/** The first day of the month `monthsLater` months after the month containing `day`. */
export function monthStart(day: number, monthsLater = 0): number {
  const date = new Date(day * MS_PER_DAY)
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsLater, 1) / MS_PER_DAY
}

/** Calendar month 0–11 of a day. */
export function calendarMonth(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth()
}

export function yearOf(day: number): number {
  return Number(isoDay(day).slice(0, 4))
}
