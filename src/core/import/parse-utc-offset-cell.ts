// A region's time zone as its hours from UTC: '3', '+5', 'UTC+7', 'GMT+10', or from Moscow time as
// Russian schedules write it ('МСК', 'МСК+4' is UTC+7). Russia spans UTC+2 to UTC+12; whole hours.
const UTC = /^(?:utc|gmt)?\s*([+\-−]?)\s*(\d{1,2})(?::00)?$/
const MSK = /^(?:мск|msk)\s*(?:([+\-−])\s*(\d{1,2}))?$/
const MOSCOW = 3

export const UTC_OFFSET_RULE = 'expected hours from UTC such as 3, +7, UTC+10 or МСК+4'

/** The offset in whole hours from -12 to +14, as text ('7', '-1'), or undefined. */
export function parseUtcOffsetCell(text: string): string | undefined {
  const t = text.trim().toLowerCase()
  const moscow = MSK.exec(t)
  const utc = moscow ? undefined : UTC.exec(t)
  const match = moscow ?? utc
  if (!match) return undefined
  const hours = (match[1] === '-' || match[1] === '−' ? -1 : 1) * Number(match[2] ?? 0) + (moscow ? MOSCOW : 0)
  return hours >= -12 && hours <= 14 ? String(hours) : undefined
}
