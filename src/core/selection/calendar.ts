// Calendar arithmetic on ISO dates ('YYYY-MM-DD'), in UTC, with PostgreSQL's rules: subtracting
// months or years from the 29th–31st clamps to the end of the shorter month (2024-02-29 − 1 year
// = 2023-02-28). Ages and tenures compare the birth or start date with such a cutoff.

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`
}

/** Whole years from `birth` to `today`; born on 29 February, one comes of age on 1 March. */
export function fullYears(birth: string, today: string): number {
  return Math.floor(fullMonths(birth, today) / 12)
}

/** Whole months from `start` to `today`. */
export function fullMonths(start: string, today: string): number {
  const [y1, m1, d1] = start.split('-').map(Number)
  const [y2, m2, d2] = today.split('-').map(Number)
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}
