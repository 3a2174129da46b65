import { sql, type Kysely } from 'kysely'
import { PRODUCT_TYPES } from '../../core/selection/rule-catalogue.ts'
import type { Schema } from '../schema.ts'
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

/**
 * Rebuilds client_profile from clients, holdings, activity, consents and the contact history, as
 * of the given day, in one statement inside the caller's transaction.
 */
export async function rebuildProfile(db: Kysely<Schema>, asOf: string): Promise<number> {
  await sql`DELETE FROM client_profile`.execute(db)
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
      NULL, NULL
    FROM clients c
    LEFT JOIN branches b ON b.id = c.branch_id
    LEFT JOIN (${holdingFacts(asOf)}) h ON h.client_id = c.id
    LEFT JOIN (${activityFacts(asOf)}) a ON a.client_id = c.id
    LEFT JOIN (${consentFacts(asOf)}) k ON k.client_id = c.id
    LEFT JOIN (${contactFacts(asOf)}) t ON t.client_id = c.id
    LEFT JOIN (SELECT client_id, max(responded_at)::date AS last_response_on FROM responses
               WHERE responded_at < CAST(${asOf} AS date) + 1 GROUP BY client_id) r ON r.client_id = c.id
    LEFT JOIN (SELECT client_id, bool_or(status = 'open') AS has_open, max(received_at)::date AS last_complaint_on
               FROM complaints WHERE received_at < CAST(${asOf} AS date) + 1 GROUP BY client_id) q ON q.client_id = c.id
  `.execute(db)
  return Number(result.numAffectedRows ?? 0)
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

function consentFacts(asOf: string) {
  return sql`
    SELECT client_id,
      bool_or(granted) FILTER (WHERE channel = 'email') AS email,
      bool_or(granted) FILTER (WHERE channel = 'sms') AS sms,
      bool_or(granted) FILTER (WHERE channel = 'call') AS call,
      bool_or(granted) FILTER (WHERE channel = 'letter') AS letter
    FROM (${consentsInForceSql(sql`CAST(${asOf} AS date) + 1`)}) latest
    GROUP BY client_id`
}

function contactFacts(asOf: string) {
  return sql`
    SELECT client_id, max(sent_at)::date AS last_contact_on,
      max(sent_at) FILTER (WHERE channel = 'email')::date AS last_email,
      max(sent_at) FILTER (WHERE channel = 'sms')::date AS last_sms,
      max(sent_at) FILTER (WHERE channel = 'call')::date AS last_call,
      max(sent_at) FILTER (WHERE channel = 'letter')::date AS last_letter
    FROM contacts WHERE sent_at < CAST(${asOf} AS date) + 1 AND status <> 'failed'
    GROUP BY client_id`
}

/**
 * The version of the selection profile: when it was last rebuilt (bank_settings 'profile'
 * refreshedAt, written in the rebuild's own transaction), or null if it never was. The DuckDB
 * mirror trusts it: anything that ever writes client_profile must change it in the same transaction.
 */
export async function readProfileVersion(db: Kysely<Schema>): Promise<string | null> {
  const row = await db
    .selectFrom('bank_settings')
    .select(sql<string | null>`value->>'refreshedAt'`.as('version'))
    .where('key', '=', 'profile')
    .executeTakeFirst()
  return row?.version ?? null
}

export type ProfileColumn = { name: string; type: string }

/** The columns of client_profile in table order, with their SQL types (information_schema). */
export async function listProfileColumns(db: Kysely<Schema>): Promise<ProfileColumn[]> {
  const result = await sql<ProfileColumn>`
    SELECT column_name AS name, data_type AS type FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'client_profile' ORDER BY ordinal_position`.execute(db)
  return result.rows
}
