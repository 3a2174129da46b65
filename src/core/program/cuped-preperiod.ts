/** The pre-period whose activity CUPED reads: whole calendar months, [from, until) as first days of months. */
export type CupedPreperiod = { from: string; until: string; months: number }

const AVERAGE_MONTH_DAYS = 30.4375

/**
 * The months before the wave whose activity is the CUPED covariate: as many whole calendar months
 * as the attribution window is long (its days over an average month, rounded, at least one),
 * ending with the month before the one the wave was built for (`asOf`, a bank day). Activity is
 * monthly, and the build month is left out: part of it may already follow the first contacts.
 */
export function cupedPreperiod(input: { asOf: string; days: number }): CupedPreperiod {
  const months = Math.max(1, Math.round(input.days / AVERAGE_MONTH_DAYS))
  const year = Number(input.asOf.slice(0, 4))
  const month = Number(input.asOf.slice(5, 7)) - 1
  const first = (offset: number) => new Date(Date.UTC(year, month + offset, 1)).toISOString().slice(0, 10)
  return { from: first(-months), until: first(0), months }
}
