// The bank works in its own time zone (bank_settings 'bank'.timeZone, Europe/Moscow in the demo):
// "today", caps, quiet periods and "within N days" count in bank days. UTC is for storage only.
// The SQL twins are in db/stores/bank-day-sql.ts.

/** The bank's zone when bank_settings holds none: the demo bank, and a Russian bank's head office. */
export const DEFAULT_BANK_TIME_ZONE = 'Europe/Moscow'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** Whether the name is a time zone the runtime knows ('Europe/Moscow', 'UTC'). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone)
    return true
  } catch {
    return false
  }
}

function localParts(instant: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]))
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), min: Number(parts.minute), s: Number(parts.second) }
}

/** The bank's date ('YYYY-MM-DD') at an instant. */
export function bankDay(now: Date, timeZone: string): string {
  const { y, m, d } = localParts(now.getTime(), timeZone)
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** The bank's date, day of the week (1 Monday … 7 Sunday, ISO) and hour at an instant. */
export function bankHour(instant: Date, timeZone: string): { day: string; isoWeekday: number; hour: number } {
  const { y, m, d, h } = localParts(instant.getTime(), timeZone)
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return { day: bankDay(instant, timeZone), isoWeekday: weekday === 0 ? 7 : weekday, hour: h }
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const { y, m, d, h, min, s } = localParts(instant, timeZone)
  return Date.UTC(y, m - 1, d, h, min, s) - Math.floor(instant / 1000) * 1000
}

/** The instant (ms) at which a bank day begins: midnight of that date on the bank's clock. */
export function bankDayStart(day: string, timeZone: string): number {
  return wallClockInstant(`${day}T00:00:00`, timeZone)
}

/**
 * The instant (ms) a wall-clock time ('YYYY-MM-DDTHH:MM:SS') shows in a zone: a call-centre export
 * writes its times on the bank's clock, without an offset.
 */
export function wallClockInstant(wallTime: string, timeZone: string): number {
  const wall = Date.parse(`${wallTime}Z`)
  const guess = wall - offsetAt(wall, timeZone)
  // A second look settles a time whose offset differs from the one a few hours before (a DST change).
  return wall - offsetAt(guess, timeZone)
}
