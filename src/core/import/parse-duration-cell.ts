// How long a call took, as call-centre systems export it: whole seconds ('245'), minutes and
// seconds ('4:05', '75:30') or hours, minutes and seconds ('1:02:03'). A negative duration is a
// broken export, refused with its own words so that the user sees what is wrong.

export const DURATION_RULE = 'expected a duration in seconds (245) or minutes and seconds (4:05, 1:02:03), at most 24 hours'
export const NEGATIVE_DURATION_RULE = 'a negative duration: a call lasts 0 seconds or more'

/** Nobody stays on the line for a day: a longer duration is a unit mix-up (milliseconds?). */
const MAX_SECONDS = 86_400

const SECONDS = /^\d+$/
const MINUTES_SECONDS = /^(\d+):([0-5]\d)$/
const HOURS_MINUTES_SECONDS = /^(\d+):([0-5]\d):([0-5]\d)$/

export type DurationResult = { ok: true; seconds: number } | { ok: false; negative: boolean }

/** The duration in whole seconds, or why it is refused. */
export function parseDurationCell(text: string): DurationResult {
  const trimmed = text.trim().replace(/^[−–]/, '-') // a minus sign from a spreadsheet
  if (trimmed.startsWith('-')) return { ok: false, negative: readSeconds(trimmed.slice(1).trim()) !== undefined }
  const seconds = readSeconds(trimmed)
  return seconds === undefined || seconds > MAX_SECONDS ? { ok: false, negative: false } : { ok: true, seconds }
}

function readSeconds(text: string): number | undefined {
  if (SECONDS.test(text)) return Number(text)
  const ms = MINUTES_SECONDS.exec(text)
  if (ms) return Number(ms[1]) * 60 + Number(ms[2])
  const hms = HOURS_MINUTES_SECONDS.exec(text)
  if (hms) return Number(hms[1]) * 3600 + Number(hms[2]) * 60 + Number(hms[3])
  return undefined
}
