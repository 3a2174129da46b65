import { isoDate, parseDateCell } from './parse-date-cell.ts'

// Monthly aggregates are dated by their month: 2024-03, 03.2024, or any date in the month (exports
// often date them at the month's end, 31.03.2024).
const YEAR_MONTH = /^(\d{4})[-./](\d{1,2})$/
const MONTH_YEAR = /^(\d{1,2})[-./](\d{4})$/

export const MONTH_RULE = 'expected a month yyyy-mm, mm.yyyy or a date in the month'

/** Returns the first day of the month as 'YYYY-MM-01', or undefined. */
export function parseMonthCell(text: string): string | undefined {
  const trimmed = text.trim()
  const yearMonth = YEAR_MONTH.exec(trimmed)
  if (yearMonth) return isoDate(Number(yearMonth[1]), Number(yearMonth[2]), 1)
  const monthYear = MONTH_YEAR.exec(trimmed)
  if (monthYear) return isoDate(Number(monthYear[2]), Number(monthYear[1]), 1)
  const date = parseDateCell(trimmed)
  return date ? `${date.slice(0, 8)}01` : undefined
}
