import { sql, type RawBuilder } from 'kysely'

// SQL twins of core/bank-day.ts, for PostgreSQL (the DuckDB mirror holds only dates, never these).
// The zone is a bound parameter; PostgreSQL knows the same IANA names as the runtime.

/** The instant a bank day begins: midnight of `day` on the bank's clock, as timestamptz. */
export function bankDayStartSql(day: string, timeZone: string): RawBuilder<Date> {
  return sql<Date>`(CAST(${day} AS date)::timestamp AT TIME ZONE ${timeZone}::text)`
}

/** The bank's date of an instant (a timestamptz expression). */
export function bankDateSql(instant: RawBuilder<unknown>, timeZone: string): RawBuilder<string> {
  return sql<string>`(${instant} AT TIME ZONE ${timeZone}::text)::date`
}
