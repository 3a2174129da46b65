import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// An import streams its checked rows into a staging table of its own, then applies it to the
// client base in one transaction. The table's name and columns come from code (the import's id and
// a fixed column list per kind), never from the file.

export type StageColumn = { name: string; type: 'text' | 'date' | 'timestamptz' | 'numeric' | 'integer' | 'bigint' | 'boolean' }

const NAME = /^import_stage_\d+(_[a-z]+)?$/
const COLUMN = /^[a-z_]+$/

export function stageTableName(importId: number, part?: string): string {
  const name = part ? `import_stage_${importId}_${part}` : `import_stage_${importId}`
  if (!NAME.test(name)) throw new Error(`bad staging table name ${name}`)
  return name
}

/** UNLOGGED: the staging rows need no crash safety (a crashed import is failed and redone). */
export async function createStage(
  db: Kysely<Schema>,
  input: { name: string; columns: readonly StageColumn[]; primaryKey?: readonly string[] },
): Promise<void> {
  assertName(input.name)
  const names = [...input.columns.map((c) => c.name), ...(input.primaryKey ?? [])]
  if (!names.every((n) => COLUMN.test(n))) throw new Error('bad staging column name')
  const columns = input.columns.map((c) => `${c.name} ${c.type}`)
  if (input.primaryKey) columns.push(`PRIMARY KEY (${input.primaryKey.join(', ')})`)
  await sql`CREATE UNLOGGED TABLE ${sql.id(input.name)} (${sql.raw(columns.join(', '))})`.execute(db)
}

export async function dropStage(db: Kysely<Schema>, name: string): Promise<void> {
  assertName(name)
  await sql`DROP TABLE IF EXISTS ${sql.id(name)}`.execute(db)
}

/** Fresh statistics, so that the apply's joins are planned for the real row count. */
export async function analyzeStage(db: Kysely<Schema>, name: string): Promise<void> {
  assertName(name)
  await sql`ANALYZE ${sql.id(name)}`.execute(db)
}

const TARGETS = {
  clients: 'clients', holdings: 'holdings', activity: 'activity', consents: 'consents', regions: 'regions', branches: 'branches', responses: 'responses',
  calls: 'calls',
} as const

/**
 * Fresh statistics of the table an import writes, before a big apply: right after a previous big
 * import they may still describe a far smaller table, and the apply's joins be planned for that.
 */
export async function analyzeImportTarget(db: Kysely<Schema>, kind: keyof typeof TARGETS): Promise<void> {
  await sql`ANALYZE ${sql.id(TARGETS[kind])}`.execute(db)
}

/** Staging tables whose import is no longer running (left behind by a crash). */
export async function dropOrphanStages(db: Kysely<Schema>): Promise<void> {
  const result = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname LIKE 'import\\_stage\\_%'
      AND NOT EXISTS (SELECT 1 FROM imports i WHERE i.status = 'running'
        AND c.relname ~ ('^import_stage_' || i.id || '(_[a-z]+)?$'))
  `.execute(db)
  for (const { name } of result.rows) if (NAME.test(name)) await dropStage(db, name)
}

/**
 * Inside an apply's transaction: one key for every import's apply, so applies run one at a time
 * on both engines and two imports of the same new ids never race on a unique key — the later one
 * finds the first one's records. Released at commit or rollback.
 */
export async function lockImportApplies(db: Kysely<Schema>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('otklik.import.apply'))`.execute(db)
}

/** The lines of a stage in order: the parts a refused apply is split into. */
export async function listStagedLines(db: Kysely<Schema>, name: string): Promise<number[]> {
  assertName(name)
  const rows = await sql<{ line: number }>`SELECT line FROM ${sql.id(name)} ORDER BY line`.execute(db)
  return rows.rows.map((r) => r.line)
}

/** Takes rows out of a stage (the database refused them: they are rejected rows now). */
export async function deleteStagedLines(db: Kysely<Schema>, name: string, lines: readonly number[]): Promise<void> {
  assertName(name)
  if (lines.length === 0) return
  await sql`DELETE FROM ${sql.id(name)} WHERE line = ANY(${[...lines]}::int[])`.execute(db)
}

/**
 * Under the apply lock: rows staged as new whose record another import created meanwhile become
 * updates of it (an upsert), instead of failing the whole import on the unique key. Returns how
 * many rows changed so.
 */
export async function resolveStagedRecords(db: Kysely<Schema>, kind: keyof typeof TARGETS, name: string): Promise<number> {
  assertName(name)
  const s = sql.id(name)
  const result = await (() => {
    switch (kind) {
      case 'clients':
        return sql`UPDATE ${s} AS s SET client_id = c.id FROM clients c WHERE s.client_id IS NULL AND c.bank_id = s.bank_id`.execute(db)
      case 'holdings':
        return sql`UPDATE ${s} AS s SET holding_id = h.id FROM holdings h
          WHERE s.holding_id IS NULL AND h.client_id = s.client_id AND h.account_no = s.account_no`.execute(db)
      case 'activity':
        return sql`UPDATE ${s} AS s SET existing = true FROM activity a
          WHERE NOT s.existing AND a.client_id = s.client_id AND a.month = s.month`.execute(db)
      case 'consents':
      case 'calls':
      case 'responses': // upserted by their natural key (ON CONFLICT in apply-import-stage.ts)
        return undefined // appended with ON CONFLICT DO NOTHING: a repeat is skipped anyway
      case 'regions':
        return sql`UPDATE ${s} AS s SET stored_code = r.code FROM regions r WHERE s.stored_code IS NULL AND lower(r.code) = lower(s.code)`.execute(db)
      case 'branches':
        return sql`UPDATE ${s} AS s SET branch_id = b.id FROM branches b WHERE s.branch_id IS NULL AND lower(b.code) = lower(s.code)`.execute(db)
    }
  })()
  return Number(result?.numAffectedRows ?? 0)
}

/** Codes of reference data that exist, matched in any case: lower-case code → the record (stored code, branch id). */
export async function findReferenceRecords(
  db: Kysely<Schema>,
  input: { kind: 'regions' | 'branches'; codes: readonly string[] },
): Promise<Map<string, string | number>> {
  if (input.codes.length === 0) return new Map()
  const lower = [...new Set(input.codes.map((c) => c.toLowerCase()))]
  const rows = input.kind === 'regions'
    ? await sql<{ code: string; record: string }>`SELECT code, code AS record FROM regions WHERE lower(code) = ANY(${lower}::text[])`.execute(db)
    : await sql<{ code: string; record: number }>`SELECT code, id AS record FROM branches WHERE lower(code) = ANY(${lower}::text[])`.execute(db)
  return new Map(rows.rows.map((r) => [r.code.toLowerCase(), r.record]))
}

/** bank_id → client id for the ids that exist. */
export async function findClientIds(db: Kysely<Schema>, bankIds: readonly string[]): Promise<Map<string, number>> {
  if (bankIds.length === 0) return new Map()
  const rows = await sql<{ id: number; bank_id: string }>`
    SELECT id, bank_id FROM clients WHERE bank_id = ANY(${[...bankIds]}::text[])
  `.execute(db)
  return new Map(rows.rows.map((r) => [r.bank_id, Number(r.id)]))
}

/** The holdings that exist among (client id, account no) pairs: `${clientId}\u0001${accountNo}` → holding id. */
export async function findHoldingIds(
  db: Kysely<Schema>,
  pairs: readonly { clientId: number; accountNo: string }[],
): Promise<Map<string, number>> {
  if (pairs.length === 0) return new Map()
  const rows = await sql<{ id: number; client_id: number; account_no: string }>`
    SELECT h.id, h.client_id, h.account_no FROM holdings h
    JOIN unnest(${pairs.map((p) => p.clientId)}::bigint[], ${pairs.map((p) => p.accountNo)}::text[]) AS k(client_id, account_no)
      ON h.client_id = k.client_id AND h.account_no = k.account_no
  `.execute(db)
  return new Map(rows.rows.map((r) => [`${Number(r.client_id)}\u0001${r.account_no}`, Number(r.id)]))
}

/** The months that already have activity among (client id, month) pairs, as `${clientId}\u0001${month}`. */
export async function findActivityMonths(
  db: Kysely<Schema>,
  pairs: readonly { clientId: number; month: string }[],
): Promise<Set<string>> {
  if (pairs.length === 0) return new Set()
  const rows = await sql<{ client_id: number; month: string }>`
    SELECT a.client_id, a.month::text AS month FROM activity a
    JOIN unnest(${pairs.map((p) => p.clientId)}::bigint[], ${pairs.map((p) => p.month)}::date[]) AS k(client_id, month)
      ON a.client_id = k.client_id AND a.month = k.month
  `.execute(db)
  return new Set(rows.rows.map((r) => `${Number(r.client_id)}\u0001${r.month}`))
}

export function assertName(name: string): void {
  if (!NAME.test(name)) throw new Error(`bad staging table name ${name}`)
}
