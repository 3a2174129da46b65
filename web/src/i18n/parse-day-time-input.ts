import type { Language } from './i18n.ts'
import { parseDayInput } from './parse-day-input.ts'

// A moment typed by staff (a callback time): the day as parseDayInput reads it, then the time on
// the 24-hour clock — `05.03.2025 14:30` in Russian, `05 Mar 2025 14:30` in English.
const TIME_AT_END = /^(.*\S)\s+(\d{1,2}):(\d{2})$/

/** 'YYYY-MM-DDTHH:mm' in the user's own clock (the browser's zone), or null when it is not a moment of the calendar. */
export function parseDayTimeInput(text: string, language: Language): string | null {
  const match = TIME_AT_END.exec(text.trim())
  if (!match) return null
  const day = parseDayInput(match[1]!, language)
  const hours = Number(match[2])
  const minutes = Number(match[3])
  if (!day || hours > 23 || minutes > 59) return null
  return `${day}T${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

/** A local 'YYYY-MM-DDTHH:mm' as the field shows it: `05.03.2025 14:30` (ru), `05 Mar 2025 14:30` (en). */
export function formatDayTimeInput(local: string, language: Language): string {
  const [day = '', time = ''] = local.split('T')
  const [year, month, date] = day.split('-')
  if (language === 'ru') return `${date}.${month}.${year} ${time}`
  const name = new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })
  return `${date} ${name} ${year} ${time}`
}
