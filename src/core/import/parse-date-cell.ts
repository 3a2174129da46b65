// Dates arrive as dd.mm.yyyy (Russian exports; also d.m.yyyy and dd/mm/yyyy, always day first) or
// ISO yyyy-mm-dd, sometimes with a time of day the date ignores ('01.02.1990 00:00:00').
const DAY_FIRST = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?$/
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

export const DATE_RULE = 'expected a date dd.mm.yyyy or yyyy-mm-dd'

/** Returns the date as 'YYYY-MM-DD', or undefined when the text is not a real calendar date. */
export function parseDateCell(text: string): string | undefined {
  const trimmed = text.trim()
  const dayFirst = DAY_FIRST.exec(trimmed)
  if (dayFirst) return isoDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]))
  const iso = ISO.exec(trimmed)
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  return undefined
}

/** 'YYYY-MM-DD' for a real date between 1900 and 2100, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined
  if (day > daysInMonth(year, month)) return undefined
  return `${year}-${pad2(month)}-${pad2(day)}`
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}
