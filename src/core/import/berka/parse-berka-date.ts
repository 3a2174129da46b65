import { isoDate } from '../parse-date-cell.ts'

/** Berka dates are YYMMDD integers of the 1990s ('930101'); card issue dates add ' 00:00:00'. */
export function parseBerkaDate(text: string): string | undefined {
  const match = /^(\d{2})(\d{2})(\d{2})(?: 00:00:00)?$/.exec(text.trim())
  return match ? isoDate(1900 + Number(match[1]), Number(match[2]), Number(match[3])) : undefined
}

/** The date a number of whole months later (day kept, or the month's last day). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number)
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  for (let d = day; d > 27; d--) {
    const candidate = isoDate(y, m, d)
    if (candidate) return candidate
  }
  return isoDate(y, m, day)!
}
