import { wallClockInstant } from '../bank-day.ts'
import { isoDate, pad2 } from './parse-date-cell.ts'

// When a consent took effect: a date, or a date and time, day first or ISO, with an optional UTC
// offset. Times without an offset are read as UTC, or on the clock of `timeZone` when it is given
// (a call log's times are the bank's: core/import/import-fields.ts).
const DAY_FIRST = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/

export const TIMESTAMP_RULE = 'expected a date or date and time: dd.mm.yyyy [hh:mm[:ss]] or yyyy-mm-dd[Thh:mm[:ss]][±hh:mm]'

/** Returns an ISO 8601 timestamp with an explicit offset ('2024-03-01T10:30:00Z'), or undefined. */
export function parseTimestampCell(text: string, timeZone?: string): string | undefined {
  const trimmed = text.trim()
  const dayFirst = DAY_FIRST.exec(trimmed)
  if (dayFirst) return build([dayFirst[3], dayFirst[2], dayFirst[1], dayFirst[4], dayFirst[5], dayFirst[6], dayFirst[7]], timeZone)
  const iso = ISO.exec(trimmed)
  if (iso) return build([iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], iso[7]], timeZone)
  return undefined
}

function build([year, month, day, hour, minute, second, offset]: (string | undefined)[], timeZone: string | undefined): string | undefined {
  const date = isoDate(Number(year), Number(month), Number(day))
  if (!date) return undefined
  const h = Number(hour ?? 0)
  const m = Number(minute ?? 0)
  const s = Number(second ?? 0)
  if (h > 23 || m > 59 || s > 59) return undefined
  const wall = `${date}T${pad2(h)}:${pad2(m)}:${pad2(s)}`
  if (!offset && timeZone) return new Date(wallClockInstant(wall, timeZone)).toISOString().replace('.000Z', 'Z')
  const zone = !offset || offset === 'Z' ? 'Z' : offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(4)) > 59)) return undefined
  return `${wall}${zone}`
}
