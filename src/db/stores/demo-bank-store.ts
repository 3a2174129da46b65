import { sql, type Kysely } from 'kysely'
import type { DemoBranch } from '../../core/demo/demo-branches.ts'
import type { DemoProduct } from '../../core/demo/demo-products.ts'
import type { DemoRegion } from '../../core/demo/demo-regions.ts'
import type { Role } from '../../contract/roles.ts'
import type { Database } from '../open-database.ts'
import type { Schema } from '../schema.ts'

// The reference rows of the demo bank: inserted unless a row with the same key exists, and counted
// as created only when inserted.

export async function countClients(db: Kysely<Schema>): Promise<number> {
  const row = await db.selectFrom('clients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertRegions(db: Kysely<Schema>, regions: readonly DemoRegion[]): Promise<number> {
  const rows = await db
    .insertInto('regions')
    .values(regions.map((r) => ({ code: r.code, name: r.name, utc_offset: r.utcOffset })))
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .execute()
  return rows.length
}

export async function insertBranches(db: Kysely<Schema>, branches: readonly DemoBranch[]): Promise<number> {
  const rows = await db
    .insertInto('branches')
    .values(branches.map((b) => ({ code: b.code, name: b.name, region_code: b.regionCode, city: b.city, address: b.address })))
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .execute()
  return rows.length
}

export async function findBranchIds(db: Kysely<Schema>, codes: readonly string[]): Promise<Record<string, number>> {
  const rows = await db.selectFrom('branches').select(['id', 'code']).where('code', 'in', codes).execute()
  return Object.fromEntries(rows.map((r) => [r.code, r.id]))
}

export async function insertProducts(db: Kysely<Schema>, products: readonly DemoProduct[]): Promise<number> {
  const rows = await db
    .insertInto('products')
    .values(products.map((p) => ({
      code: p.code,
      type: p.type,
      name: p.name,
      ftp_rate: p.ftpRate,
      client_rate: p.clientRate,
      fee_rate: p.feeRate,
      probability_of_default: p.probabilityOfDefault,
      loss_given_default: p.lossGivenDefault,
      lifetime_months: p.lifetimeMonths,
    })))
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .execute()
  return rows.length
}

export type NewUser = { login: string; fullName: string; role: Role; branchId: number | null; passwordHash: string; createdAt: Date }

/** Inserts the users whose login is free; returns the logins inserted. */
export async function insertUsers(db: Kysely<Schema>, users: readonly NewUser[]): Promise<string[]> {
  const rows = await db
    .insertInto('users')
    .values(users.map((u) => ({
      login: u.login,
      full_name: u.fullName,
      role: u.role,
      branch_id: u.branchId,
      password_hash: u.passwordHash,
      created_at: u.createdAt,
    })))
    .onConflict((oc) => oc.column('login').doNothing())
    .returning('login')
    .execute()
  return rows.map((r) => r.login)
}

export async function deleteUsers(db: Kysely<Schema>, logins: readonly string[]): Promise<void> {
  if (logins.length > 0) await db.deleteFrom('users').where('login', 'in', logins).execute()
}

export async function findUserIds(db: Kysely<Schema>, logins: readonly string[]): Promise<Record<string, number>> {
  const rows = await db.selectFrom('users').select(['id', 'login']).where('login', 'in', logins).execute()
  return Object.fromEntries(rows.map((r) => [r.login, r.id]))
}

/** Takes `count` consecutive client ids from the id sequence (so later inserts continue after
 * them) and returns the first; the demo bank copies its clients in with these ids. */
export async function reserveClientIds(db: Kysely<Schema>, count: number): Promise<number> {
  const { rows } = await sql<{ first: number }>`SELECT nextval(pg_get_serial_sequence('clients', 'id')) AS first`.execute(db)
  const first = Number(rows[0].first)
  await sql`SELECT setval(pg_get_serial_sequence('clients', 'id'), ${first + count - 1})`.execute(db)
  return first
}

/** Removes the whole client base: only for undoing a demo load that failed half-way. */
export async function deleteClientBase(db: Kysely<Schema>): Promise<void> {
  await sql`DELETE FROM notes`.execute(db)
  await sql`DELETE FROM consents`.execute(db)
  await sql`DELETE FROM activity`.execute(db)
  await sql`DELETE FROM holdings`.execute(db)
  await sql`DELETE FROM clients`.execute(db)
}

/** Fresh statistics (and a visibility map) after a bulk load, so the planner sees the new sizes. */
export async function analyzeClientBase(db: Database): Promise<void> {
  await db.pool.query('VACUUM ANALYZE regions, branches, products, users, clients, holdings, activity, consents, notes')
}

export type PlainIndex = { name: string; definition: string }

/** The tables' indexes that back no constraint (not primary keys or unique constraints). */
export async function findPlainIndexes(db: Kysely<Schema>, tables: readonly string[]): Promise<PlainIndex[]> {
  const { rows } = await sql<PlainIndex>`
    SELECT i.indexname AS name, i.indexdef AS definition
    FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename = ANY(${tables}::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
    ORDER BY i.indexname`.execute(db)
  return rows
}

export async function dropIndexes(db: Kysely<Schema>, indexes: readonly PlainIndex[]): Promise<void> {
  for (const index of indexes) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db)
}

/** Re-creates indexes from their definitions as the catalogue printed them (never user text). */
export async function createIndexes(db: Kysely<Schema>, indexes: readonly PlainIndex[]): Promise<void> {
  for (const index of indexes) await sql.raw(index.definition).execute(db)
}
