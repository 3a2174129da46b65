import { sql, type Kysely } from 'kysely'
import type { ImportKind } from '../../core/import/import-kinds.ts'
import type { Schema } from '../schema.ts'

// Applies a staging table to the client base, set-based. Run inside the import's one transaction.
// Each staged row names the record it updates (found per chunk while staging) or none: existing
// records are UPDATEd by primary key — a blank (NULL) staging cell keeps the stored value — and
// the rest INSERTed with the columns' defaults for blanks. Consents are a history: appended, exact
// repeats skipped.
// WARNING: no NOT EXISTS against the table being written: an anti-join can be planned as a nested
// loop that rescans the growing table for every row (a 100k-row import ran for minutes). Records
// created by another import between staging and apply are found again under the apply lock
// (resolveStagedRecords in import-stage-store.ts) before this runs.

/** Staged lines from..to (inclusive): a part of the stage, to find the row the database refuses. */
export type StageLines = { from: number; to: number }

export type ApplyImportStageInput = {
  kind: ImportKind
  stage: string
  /** The import: an import of responses takes its program and its user from the imports row. */
  importId: number
  lines?: StageLines
}

export async function applyImportStage(db: Kysely<Schema>, { kind, stage, importId, lines }: ApplyImportStageInput): Promise<void> {
  const s = sql.id(stage)
  const part = lines ? sql`AND s.line BETWEEN ${lines.from} AND ${lines.to}` : sql``
  switch (kind) {
    case 'clients':
      await sql`
        UPDATE clients AS c SET
          full_name = COALESCE(s.full_name, c.full_name), birth_date = COALESCE(s.birth_date, c.birth_date),
          gender = COALESCE(s.gender, c.gender), phone = COALESCE(s.phone, c.phone), email = COALESCE(s.email, c.email),
          address = COALESCE(s.address, c.address), region_code = COALESCE(s.region_code, c.region_code),
          branch_id = COALESCE(s.branch_id, c.branch_id), client_since = COALESCE(s.client_since, c.client_since),
          monthly_income = COALESCE(s.monthly_income, c.monthly_income), segment = COALESCE(s.segment, c.segment),
          vip = COALESCE(s.vip, c.vip), status = COALESCE(s.status, c.status),
          status_date = COALESCE(s.status_date, c.status_date), status_reason = COALESCE(s.status_reason, c.status_reason),
          do_not_contact = COALESCE(s.do_not_contact, c.do_not_contact),
          personal_manager_id = COALESCE(s.personal_manager_id, c.personal_manager_id), updated_at = now()
        FROM ${s} AS s WHERE s.client_id IS NOT NULL AND c.id = s.client_id ${part}`.execute(db)
      await sql`
        INSERT INTO clients (bank_id, full_name, birth_date, gender, phone, email, address, region_code, branch_id,
          client_since, monthly_income, segment, vip, status, status_date, status_reason, do_not_contact, personal_manager_id)
        SELECT s.bank_id, s.full_name, s.birth_date, s.gender, s.phone, s.email, s.address, s.region_code, s.branch_id,
          s.client_since, s.monthly_income, COALESCE(s.segment, 'mass'), COALESCE(s.vip, false), COALESCE(s.status, 'active'),
          s.status_date, s.status_reason, COALESCE(s.do_not_contact, false), s.personal_manager_id
        FROM ${s} AS s WHERE s.client_id IS NULL ${part}`.execute(db)
      return
    case 'holdings':
      await sql`
        UPDATE holdings AS h SET
          product_code = COALESCE(s.product_code, h.product_code), opened_at = COALESCE(s.opened_at, h.opened_at),
          closed_at = COALESCE(s.closed_at, h.closed_at), balance = COALESCE(s.balance, h.balance),
          credit_limit = COALESCE(s.credit_limit, h.credit_limit)
        FROM ${s} AS s WHERE s.holding_id IS NOT NULL AND h.client_id = s.client_id AND h.id = s.holding_id ${part}`.execute(db)
      await sql`
        INSERT INTO holdings (client_id, account_no, product_code, opened_at, closed_at, balance, credit_limit)
        SELECT s.client_id, s.account_no, s.product_code, s.opened_at, s.closed_at, COALESCE(s.balance, 0), s.credit_limit
        FROM ${s} AS s WHERE s.holding_id IS NULL ${part}`.execute(db)
      return
    case 'activity':
      await sql`
        UPDATE activity AS a SET
          turnover = COALESCE(s.turnover, a.turnover), transactions = COALESCE(s.transactions, a.transactions),
          card_spend = COALESCE(s.card_spend, a.card_spend), mobile_logins = COALESCE(s.mobile_logins, a.mobile_logins),
          branch_visits = COALESCE(s.branch_visits, a.branch_visits)
        FROM ${s} AS s WHERE s.existing AND a.client_id = s.client_id AND a.month = s.month ${part}`.execute(db)
      await sql`
        INSERT INTO activity (client_id, month, turnover, transactions, card_spend, mobile_logins, branch_visits)
        SELECT s.client_id, s.month, COALESCE(s.turnover, 0), COALESCE(s.transactions, 0), COALESCE(s.card_spend, 0),
          COALESCE(s.mobile_logins, 0), COALESCE(s.branch_visits, 0)
        FROM ${s} AS s WHERE NOT s.existing ${part}`.execute(db)
      return
    case 'consents':
      // The current consent is the latest by effective_at (core/current-consents.ts), so appending
      // an old export can never override a newer opt-out.
      await sql`
        INSERT INTO consents (client_id, channel, granted, effective_at, source)
        SELECT s.client_id, s.channel, s.granted, s.effective_at, s.source FROM ${s} AS s WHERE true ${part}
        ON CONFLICT (client_id, channel, effective_at, granted) DO NOTHING`.execute(db)
      return
    case 'regions':
      await sql`
        UPDATE regions AS r SET name = COALESCE(s.name, r.name), utc_offset = COALESCE(s.utc_offset, r.utc_offset)
        FROM ${s} AS s WHERE s.stored_code IS NOT NULL AND r.code = s.stored_code ${part}`.execute(db)
      await sql`
        INSERT INTO regions (code, name, utc_offset) SELECT s.code, s.name, COALESCE(s.utc_offset, 3)
        FROM ${s} AS s WHERE s.stored_code IS NULL ${part}`.execute(db)
      return
    case 'branches':
      await sql`
        UPDATE branches AS b SET name = COALESCE(s.name, b.name), region_code = COALESCE(s.region_code, b.region_code),
          city = COALESCE(s.city, b.city), address = COALESCE(s.address, b.address)
        FROM ${s} AS s WHERE s.branch_id IS NOT NULL AND b.id = s.branch_id ${part}`.execute(db)
      await sql`
        INSERT INTO branches (code, name, region_code, city, address) SELECT s.code, s.name, s.region_code, s.city, s.address
        FROM ${s} AS s WHERE s.branch_id IS NULL ${part}`.execute(db)
      return
    case 'responses':
      // One response per client, program, type and time: a repeat (the same file again) updates the
      // value — a blank value keeps the stored one — and says which import it came from last.
      await sql`
        INSERT INTO responses (client_id, program_id, wave_id, type, responded_at, value, source, import_id, recorded_by, product_code)
        SELECT s.client_id, i.program_id, s.wave_id, s.type, s.responded_at, s.value, 'import', i.id, i.user_id, s.product_code
        FROM ${s} AS s JOIN imports i ON i.id = ${importId} WHERE true ${part}
        ON CONFLICT (client_id, program_id, type, responded_at) DO UPDATE SET
          value = COALESCE(EXCLUDED.value, responses.value), wave_id = EXCLUDED.wave_id, source = EXCLUDED.source,
          import_id = EXCLUDED.import_id, recorded_by = EXCLUDED.recorded_by, recorded_at = now(),
          product_code = COALESCE(EXCLUDED.product_code, responses.product_code)`.execute(db)
      return
    case 'calls':
      // One call per client and start time: a log loaded again (or a later export that overlaps
      // the last one) updates its calls with the file's values and adds none.
      await sql`
        INSERT INTO calls (client_id, started_at, direction, phone, reason, duration_seconds, outcome, operator, import_id)
        SELECT s.client_id, s.started_at, COALESCE(s.direction, 'inbound'), s.phone, s.reason, s.duration_seconds, s.outcome, s.operator, ${importId}
        FROM ${s} AS s WHERE true ${part}
        ON CONFLICT (client_id, started_at) DO UPDATE SET
          direction = EXCLUDED.direction, phone = EXCLUDED.phone, reason = EXCLUDED.reason,
          duration_seconds = EXCLUDED.duration_seconds, outcome = EXCLUDED.outcome,
          operator = COALESCE(EXCLUDED.operator, calls.operator), import_id = EXCLUDED.import_id, loaded_at = now()`.execute(db)
      return
    default:
      throw new Error(`no apply for ${String(kind satisfies never)}`)
  }
}
