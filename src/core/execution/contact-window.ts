// Quiet hours: an SMS or a call reaches a client only within the bank's hours where the client
// lives. Russia keeps fixed UTC offsets all year (no daylight saving since 2014), so a region's
// offset in hours (regions.utc_offset) gives the client's local time exactly. The window is in
// local minutes since midnight, [from, until): 09:00–21:00 is { from: 540, until: 1260 }; working
// days and days off may have windows of their own (a day off without a window is closed).

const MINUTE = 60_000
const DAY_MINUTES = 24 * 60

export type DailyWindow = { from: number; until: number }

export type ContactWindow = {
  /** Monday to Friday. */
  weekdays: DailyWindow
  /** Saturday and Sunday; null: no contact on days off. */
  weekends: DailyWindow | null
}

/**
 * The bank's hours for SMS and calls, in the client's local time: 09:00–21:00 on working days,
 * 10:00–20:00 on days off — narrower than the 08:00–22:00 / 09:00–20:00 that 230-FZ art. 7 allows
 * even debt collectors, as marketing should be. A setting (bank_settings 'contact_hours').
 */
export const DEFAULT_CONTACT_WINDOW: ContactWindow = { weekdays: { from: 540, until: 1260 }, weekends: { from: 600, until: 1200 } }

export type WindowCheck = { allowed: true } | { allowed: false; nextAt: number }

/** Checks a window: minutes in [0, 1440], from before until. Returns the broken rule, or undefined. */
export function findWindowProblem(window: DailyWindow): string | undefined {
  for (const key of ['from', 'until'] as const) {
    const value = window[key]
    if (!Number.isInteger(value) || value < 0 || value > DAY_MINUTES) return `${key}: a whole number of minutes from 0 to 1440`
  }
  if (window.from >= window.until) return 'from must be before until'
  return undefined
}

/**
 * May the client be contacted at the instant (ms since the epoch), given their UTC offset in hours?
 * When not, the first instant the window opens again (within the next 8 days: a week always has a
 * working day).
 */
export function checkContactWindow(at: number, utcOffsetHours: number, window: ContactWindow): WindowCheck {
  const localMs = at + utcOffsetHours * 60 * MINUTE
  const localMinute = Math.floor(localMs / MINUTE)
  const dayStartMinute = Math.floor(localMinute / DAY_MINUTES) * DAY_MINUTES
  const minuteOfDay = localMinute - dayStartMinute
  const today = windowOf(dayStartMinute, window)
  if (today && minuteOfDay >= today.from && minuteOfDay < today.until) return { allowed: true }
  for (let day = 0; day <= 8; day++) {
    const start = dayStartMinute + day * DAY_MINUTES
    const open = windowOf(start, window)
    if (!open) continue
    const opensAt = start + open.from
    if (opensAt > localMinute) return { allowed: false, nextAt: (opensAt - utcOffsetHours * 60) * MINUTE }
  }
  throw new Error('a contact window must open on some day of the week')
}

function windowOf(localDayStartMinute: number, window: ContactWindow): DailyWindow | null {
  // 1970-01-01 was a Thursday: day 0 → 4 (Sunday = 0).
  const weekday = (Math.floor(localDayStartMinute / DAY_MINUTES) + 4) % 7
  return weekday === 0 || weekday === 6 ? window.weekends : window.weekdays
}
