import { sql, type Kysely, type RawBuilder } from 'kysely'
import { bankDateSql, bankDayStartSql } from '../../core/bank-day-sql.ts'
import { addDays } from '../../core/selection/calendar.ts'
import { PRODUCT_TYPES } from '../../contract/product-types.ts'
import type { Schema } from '../schema.ts'
import { newestChurnScoreSql } from './churn-model-store.ts'
import { consentsInForceSql } from './current-consents-sql.ts'

// Product types that hold the client's money, and those that are the client's debt to the bank.
const FUNDS_TYPES = ['current_account', 'term_deposit', 'savings_account']
const DEBT_TYPES = ['credit_card', 'consumer_loan', 'car_loan', 'mortgage']

/** Gives every product without one the next free bit of client_profile.product_mask. */
export async function assignProductBits(db: Kysely<Schema>): Promise<void> {
  await sql`
    WITH free AS (
      SELECT code, (SELECT coalesce(max(profile_bit), -1) FROM products) + row_number() OVER (ORDER BY code) AS bit
      FROM products WHERE profile_bit IS NULL
    )
    UPDATE products SET profile_bit = free.bit FROM free WHERE products.code = free.code AND free.bit <= 62
  `.execute(db)
}

export async function loadProductBits(db: Kysely<Schema>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('products').select(['code', 'profile_bit']).where('profile_bit', 'is not', null).execute()
  return new Map(rows.map((r) => [r.code, r.profile_bit!]))
}

export type WriteProfileRowsInput = {
  /** The clients whose rows are rewritten: each gets its current row, or none if it is gone. */
  clientIds: readonly number[]
  /** The bank day the facts are computed as of, and the bank's zone: instants count up to the end
   * of that day on the bank's clock, and their day columns are bank dates (core/bank-day-sql.ts). */
  asOf: string
  timeZone: string
  /** The refresh batch writing them (profile_version_seq), stored in each row for the mirror. */
  version: number
}

/**
 * Rewrites the profile rows of some clients from clients, holdings, activity, consents and the
 * contact history, as of a day, inside the caller's transaction (which holds the writer lock).
 * Every fact is filtered to these clients before it is grouped, so a batch reads only their rows.
 */
export async function writeProfileRows(db: Kysely<Schema>, input: WriteProfileRowsInput): Promise<{ deleted: number; inserted: number }> {
  const { asOf } = input
  const day: BankDay = { end: bankDayStartSql(addDays(asOf, 1), input.timeZone), timeZone: input.timeZone }
  const ids = sql`CAST(${input.clientIds} AS bigint[])`
  const only = (facts: RawBuilder<unknown>) => sql`SELECT * FROM (${facts}) f WHERE f.client_id = ANY(${ids})`
  const removed = await sql`DELETE FROM client_profile WHERE client_id = ANY(${ids})`.execute(db)
  const result = await sql`
    INSERT INTO client_profile
    SELECT c.id, c.birth_date, c.gender, c.region_code, b.code, c.segment, c.monthly_income::float8,
      c.client_since, c.status, c.vip, c.do_not_contact,
      coalesce(h.product_mask, 0), coalesce(h.type_mask, 0), coalesce(h.product_count, 0),
      coalesce(h.deposit_balance, 0), coalesce(h.loan_balance, 0), coalesce(h.credit_limit, 0),
      h.last_opened_on, h.last_closed_on,
      coalesce(a.turnover_1m, 0), coalesce(a.turnover_3m, 0), coalesce(a.turnover_12m, 0),
      coalesce(a.transactions_1m, 0), coalesce(a.transactions_3m, 0),
      CASE WHEN a.turnover_prev_3m > 0 THEN a.turnover_3m / a.turnover_prev_3m - 1 END,
      coalesce(k.email, false), coalesce(k.sms, false), coalesce(k.call, false), coalesce(k.letter, false),
      t.last_contact_on, t.last_email, t.last_sms, t.last_call, t.last_letter,
      r.last_response_on, coalesce(q.has_open, false), q.last_complaint_on,
      ${newestChurnScoreSql(sql`c.id`)}, NULL, ${input.version}
    FROM clients c
    LEFT JOIN branches b ON b.id = c.branch_id
    LEFT JOIN (${only(holdingFacts(asOf))}) h ON h.client_id = c.id
    LEFT JOIN (${only(activityFacts(asOf))}) a ON a.client_id = c.id
    LEFT JOIN (${only(consentFacts(day))}) k ON k.client_id = c.id
    LEFT JOIN (${only(contactFacts(day))}) t ON t.client_id = c.id
    LEFT JOIN (${only(responseFacts(day))}) r ON r.client_id = c.id
    LEFT JOIN (${only(complaintFacts(day))}) q ON q.client_id = c.id
    WHERE c.id = ANY(${ids})
  `.execute(db)
  return { deleted: Number(removed.numAffectedRows ?? 0), inserted: Number(result.numAffectedRows ?? 0) }
}

function holdingFacts(asOf: string) {
  const open = sql`(h.closed_at IS NULL OR h.closed_at > CAST(${asOf} AS date))`
  return sql`
    SELECT h.client_id,
      coalesce(bit_or(CASE WHEN ${open} AND pr.profile_bit IS NOT NULL THEN 1::bigint << pr.profile_bit END), 0) AS product_mask,
      coalesce(bit_or(CASE WHEN ${open} THEN 1 << (array_position(${sql.val(PRODUCT_TYPES)}::text[], pr.type) - 1) END), 0) AS type_mask,
      count(*) FILTER (WHERE ${open})::int AS product_count,
      sum(h.balance) FILTER (WHERE ${open} AND pr.type IN (${sql.join(FUNDS_TYPES)}))::float8 AS deposit_balance,
      sum(h.balance) FILTER (WHERE ${open} AND pr.type IN (${sql.join(DEBT_TYPES)}))::float8 AS loan_balance,
      sum(h.credit_limit) FILTER (WHERE ${open})::float8 AS credit_limit,
      max(h.opened_at) FILTER (WHERE h.opened_at <= CAST(${asOf} AS date)) AS last_opened_on,
      max(h.closed_at) FILTER (WHERE h.closed_at <= CAST(${asOf} AS date)) AS last_closed_on
    FROM holdings h JOIN products pr ON pr.code = h.product_code
    GROUP BY h.client_id`
}

// Activity counts in whole months: "last month" is the last complete month before the as-of day.
function activityFacts(asOf: string) {
  const m1 = sql`(date_trunc('month', CAST(${asOf} AS date)) - interval '1 month')::date`
  return sql`
    SELECT client_id,
      sum(turnover) FILTER (WHERE month = ${m1})::float8 AS turnover_1m,
      sum(turnover) FILTER (WHERE month > ${m1} - interval '3 months')::float8 AS turnover_3m,
      sum(turnover) FILTER (WHERE month <= ${m1} - interval '3 months' AND month > ${m1} - interval '6 months')::float8 AS turnover_prev_3m,
      sum(turnover)::float8 AS turnover_12m,
      sum(transactions) FILTER (WHERE month = ${m1})::int AS transactions_1m,
      sum(transactions) FILTER (WHERE month > ${m1} - interval '3 months')::int AS transactions_3m
    FROM activity
    WHERE month <= ${m1} AND month > ${m1} - interval '12 months'
    GROUP BY client_id`
}

/** The end of the as-of bank day (an instant) and the zone that makes instants bank dates. */
type BankDay = { end: RawBuilder<Date>; timeZone: string }

function consentFacts(day: BankDay) {
  return sql`
    SELECT client_id,
      bool_or(granted) FILTER (WHERE channel = 'email') AS email,
      bool_or(granted) FILTER (WHERE channel = 'sms') AS sms,
      bool_or(granted) FILTER (WHERE channel = 'call') AS call,
      bool_or(granted) FILTER (WHERE channel = 'letter') AS letter
    FROM (${consentsInForceSql(day.end)}) latest
    GROUP BY client_id`
}

function responseFacts(day: BankDay) {
  return sql`
    SELECT client_id, ${bankDateSql(sql`max(responded_at)`, day.timeZone)} AS last_response_on FROM responses
    WHERE responded_at < ${day.end} GROUP BY client_id`
}

function complaintFacts(day: BankDay) {
  return sql`
    SELECT client_id, bool_or(status = 'open') AS has_open, ${bankDateSql(sql`max(received_at)`, day.timeZone)} AS last_complaint_on
    FROM complaints WHERE received_at < ${day.end} GROUP BY client_id`
}

function contactFacts(day: BankDay) {
  const last = (channel?: string) => bankDateSql(channel ? sql`max(sent_at) FILTER (WHERE channel = ${channel})` : sql`max(sent_at)`, day.timeZone)
  return sql`
    SELECT client_id, ${last()} AS last_contact_on,
      ${last('email')} AS last_email, ${last('sms')} AS last_sms, ${last('call')} AS last_call, ${last('letter')} AS last_letter
    FROM contacts WHERE sent_at < ${day.end} AND status <> 'failed'
    GROUP BY client_id`
}

export type ProfileColumn = { name: string; type: string }

/** The columns of client_profile in table order, with their SQL types (information_schema). */
export async function listProfileColumns(db: Kysely<Schema>): Promise<ProfileColumn[]> {
  const result = await sql<ProfileColumn>`
    SELECT column_name AS name, data_type AS type FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'client_profile' ORDER BY ordinal_position`.execute(db)
  return result.rows
}
