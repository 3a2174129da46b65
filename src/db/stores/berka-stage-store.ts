import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Schema } from '../schema.ts'

// The Berka (PKDD'99) import stages each file in a table of its own (import_stage_<id>_<part>),
// then checks the references between files and applies everything in one transaction.

export type BerkaPart = 'district' | 'client' | 'account' | 'disp' | 'card' | 'loan'
export type BerkaStages = Record<BerkaPart, string>

type Orphans = { importId: number; file: string; stage: string; where: RawBuilder<unknown>; reason: RawBuilder<unknown> }

/** Moves the staged rows matching `where` to the import's rejections; returns how many. */
async function rejectOrphans(db: Kysely<Schema>, o: Orphans): Promise<number> {
  const result = await sql<{ n: number }>`
    WITH gone AS (DELETE FROM ${sql.id(o.stage)} AS s WHERE ${o.where} RETURNING s.line, s.cells, ${o.reason} AS reason),
    recorded AS (
      INSERT INTO import_rejections (import_id, file, line, reason, cells)
      SELECT ${o.importId}, ${o.file}, line, reason, cells::jsonb FROM gone RETURNING 1
    )
    SELECT count(*)::int AS n FROM recorded`.execute(db)
  return result.rows[0].n
}

/**
 * Rejects staged rows whose references do not hold, in dependency order: a client's district, a
 * disposition's client and account, an account's owner, a card's disposition, a loan's account.
 * Returns the rejections per file.
 */
export async function rejectBerkaOrphans(db: Kysely<Schema>, importId: number, stages: BerkaStages): Promise<Record<BerkaPart, number>> {
  const id = (part: BerkaPart) => sql.id(stages[part])
  const reject = (part: BerkaPart, where: RawBuilder<unknown>, reason: RawBuilder<unknown>) =>
    rejectOrphans(db, { importId, file: `${part}.asc`, stage: stages[part], where, reason })
  const counts: Record<BerkaPart, number> = { district: 0, client: 0, account: 0, disp: 0, card: 0, loan: 0 }
  counts.client += await reject('client',
    sql`NOT EXISTS (SELECT 1 FROM ${id('district')} d WHERE d.district_id = s.district_id)`,
    sql`'column "district_id" "' || s.district_id || '": unknown district (not in district.asc)'`)
  const dispositions = async () =>
    reject('disp',
      sql`NOT EXISTS (SELECT 1 FROM ${id('client')} c WHERE c.client_id = s.client_id)
        OR NOT EXISTS (SELECT 1 FROM ${id('account')} a WHERE a.account_id = s.account_id)`,
      sql`CASE WHEN NOT EXISTS (SELECT 1 FROM ${id('client')} c WHERE c.client_id = s.client_id)
        THEN 'column "client_id" "' || s.client_id || '": no such client in client.asc (or it was rejected)'
        ELSE 'column "account_id" "' || s.account_id || '": no such account in account.asc (or it was rejected)' END`)
  counts.disp += await dispositions()
  counts.account += await reject('account',
    sql`NOT EXISTS (SELECT 1 FROM ${id('disp')} x WHERE x.account_id = s.account_id AND x.type = 'OWNER')`,
    sql`'account ' || s.account_id || ' has no OWNER disposition in disp.asc (or its owner was rejected)'`)
  counts.disp += await dispositions() // the disponents of accounts just rejected
  counts.card += await reject('card',
    sql`NOT EXISTS (SELECT 1 FROM ${id('disp')} x WHERE x.disp_id = s.disp_id)`,
    sql`'column "disp_id" "' || s.disp_id || '": no such disposition in disp.asc (or it was rejected)'`)
  counts.loan += await reject('loan',
    sql`NOT EXISTS (SELECT 1 FROM ${id('account')} a WHERE a.account_id = s.account_id)`,
    sql`'column "account_id" "' || s.account_id || '": no such account in account.asc (or it was rejected)'`)
  return counts
}

export async function countStaged(db: Kysely<Schema>, stage: string): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.id(stage)}`.execute(db)
  return result.rows[0].n
}

export type BerkaProduct = { code: string; type: string; name: string }

/** Applies the staged Berka files to the client base. Run inside the import's one transaction. */
export async function applyBerkaStages(
  db: Kysely<Schema>,
  input: { stages: BerkaStages; products: readonly BerkaProduct[]; accountProduct: string; loanProduct: string; utcOffset: number },
): Promise<void> {
  const id = (part: BerkaPart) => sql.id(input.stages[part])
  await sql`
    INSERT INTO regions (code, name, utc_offset)
    SELECT DISTINCT ON (region_code) region_code, region_name, ${input.utcOffset} FROM ${id('district')} ORDER BY region_code
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`.execute(db)
  await sql`
    INSERT INTO branches (code, name, region_code, city)
    SELECT branch_code, name, region_code, name FROM ${id('district')}
    ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code, city = EXCLUDED.city`.execute(db)
  // Products are created when missing, never changed: the bank may have set their economics.
  for (const p of input.products) {
    await sql`INSERT INTO products (code, type, name) VALUES (${p.code}, ${p.type}, ${p.name}) ON CONFLICT (code) DO NOTHING`.execute(db)
  }
  await sql`
    INSERT INTO clients (bank_id, full_name, birth_date, gender, region_code, branch_id, client_since)
    SELECT c.bank_id, c.full_name, c.birth_date, c.gender, d.region_code, b.id, f.since
    FROM ${id('client')} c JOIN ${id('district')} d ON d.district_id = c.district_id JOIN branches b ON b.code = d.branch_code
    LEFT JOIN (SELECT x.client_id, min(a.opened_at) AS since FROM ${id('disp')} x
      JOIN ${id('account')} a ON a.account_id = x.account_id GROUP BY x.client_id) f ON f.client_id = c.client_id
    ON CONFLICT (bank_id) DO UPDATE SET full_name = EXCLUDED.full_name, birth_date = EXCLUDED.birth_date, gender = EXCLUDED.gender,
      region_code = EXCLUDED.region_code, branch_id = EXCLUDED.branch_id, client_since = EXCLUDED.client_since, updated_at = now()`.execute(db)
  const owners = sql`
    SELECT x.account_id, x.disp_id, x.type, cl.id AS client_id FROM ${id('disp')} x
    JOIN ${id('client')} c ON c.client_id = x.client_id JOIN clients cl ON cl.bank_id = c.bank_id`
  await upsertHoldings(db, sql`
    SELECT o.client_id, a.account_no, ${input.accountProduct}::text, a.opened_at, NULL::date, 0, NULL::numeric
    FROM ${id('account')} a JOIN (${owners}) o ON o.account_id = a.account_id AND o.type = 'OWNER'`)
  await upsertHoldings(db, sql`
    SELECT o.client_id, k.account_no, k.product_code, k.opened_at, NULL::date, 0, NULL::numeric
    FROM ${id('card')} k JOIN (${owners}) o ON o.disp_id = k.disp_id`)
  await upsertHoldings(db, sql`
    SELECT o.client_id, l.account_no, ${input.loanProduct}::text, l.opened_at, l.closed_at, l.balance, l.credit_limit
    FROM ${id('loan')} l JOIN (${owners}) o ON o.account_id = l.account_id AND o.type = 'OWNER'`)
}

async function upsertHoldings(db: Kysely<Schema>, rows: RawBuilder<unknown>): Promise<void> {
  await sql`
    INSERT INTO holdings (client_id, account_no, product_code, opened_at, closed_at, balance, credit_limit)
    SELECT DISTINCT ON (client_id, account_no) * FROM (${rows}) AS r (client_id, account_no, product_code, opened_at, closed_at, balance, credit_limit)
    ON CONFLICT (client_id, account_no) DO UPDATE SET product_code = EXCLUDED.product_code, opened_at = EXCLUDED.opened_at,
      closed_at = EXCLUDED.closed_at, balance = EXCLUDED.balance, credit_limit = EXCLUDED.credit_limit`.execute(db)
}
