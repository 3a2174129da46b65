import type { Language } from './i18n.ts'

// What staff type into a date field: `05.03.2025` (the Russian way, read day first in both
// languages: the dots leave no doubt), `2025-03-05`, and in English `5 Mar 2025` as the app writes
// dates. `03/05/2025` is refused: day first or month first cannot be told.
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const WORDS = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** A typed date as 'YYYY-MM-DD', or null when it is not a day of the calendar (31.02.2025). */
export function parseDayInput(text: string, language: Language): string | null {
  const value = text.trim()
  const dotted = DOTTED.exec(value)
  if (dotted) return isoDay(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]))
  const iso = ISO.exec(value)
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const words = language === 'en' ? WORDS.exec(value) : null
  if (words) {
    // "Mar", "March" and British "Sept" name a month; "Marc" or "Ma" do not.
    const word = words[2]!.toLowerCase()
    const month = word.length < 3 ? 0 : MONTHS.findIndex((name) => name === word || name.slice(0, 3) === word || (word === 'sept' && name === 'september')) + 1
    return month === 0 ? null : isoDay(Number(words[3]), month, Number(words[1]))
  }
  return null
}

function isoDay(year: number, month: number, day: number): string | null {
  const at = new Date(Date.UTC(year, month - 1, day))
  if (year < 1000 || at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
