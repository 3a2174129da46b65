import { sql, type Kysely } from 'kysely'
import type { CompiledRule } from '../../core/selection/compile-rule.ts'
import { sortBreakdownEntries } from '../../core/selection/sort-breakdown-entries.ts'
import type { Schema } from '../schema.ts'

export type SavedSelection = {
  id: number
  name: string
  description: string | null
  rule: unknown
  version: number
  updatedAt: string
}

export type SelectionBreakdown = {
  count: number
  bySegment: { key: string; count: number }[]
  byRegion: { key: string | null; count: number }[]
  /** Clients that can be reached on each channel: active, not do-not-contact, consent given. */
  reachable: { email: number; sms: number; call: number; letter: number }
}

export async function countProfile(db: Kysely<Schema>, compiled: CompiledRule): Promise<number> {
  const row = await db
    .selectFrom('client_profile as p')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where(compiled.where)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function listProfileMembers(db: Kysely<Schema>, compiled: CompiledRule): Promise<number[]> {
  const rows = await db.selectFrom('client_profile as p').select('p.client_id').where(compiled.where).orderBy('p.client_id').execute()
  return rows.map((r) => r.client_id)
}

const reachable = (channel: 'email' | 'sms' | 'call' | 'letter') =>
  sql<number>`count(*) FILTER (WHERE p.status = 'active' AND NOT p.do_not_contact AND ${sql.ref(`p.consent_${channel}`)})`

export async function breakdownProfile(db: Kysely<Schema>, compiled: CompiledRule): Promise<SelectionBreakdown> {
  const rows = await db
    .selectFrom('client_profile as p')
    .select([
      sql<string | null>`p.segment`.as('segment'),
      sql<string | null>`p.region_code`.as('region'),
      sql<number>`GROUPING(p.segment, p.region_code)`.as('level'),
      sql<number>`count(*)`.as('n'),
      reachable('email').as('email'),
      reachable('sms').as('sms'),
      reachable('call').as('call'),
      reachable('letter').as('letter'),
    ])
    .where(compiled.where)
    .groupBy(sql`GROUPING SETS ((p.segment), (p.region_code), ())`)
    .execute()
  const total = rows.find((r) => Number(r.level) === 3)
  return {
    count: Number(total?.n ?? 0),
    bySegment: sortBreakdownEntries(rows.filter((r) => Number(r.level) === 1).map((r) => ({ key: r.segment!, count: Number(r.n) }))),
    byRegion: sortBreakdownEntries(rows.filter((r) => Number(r.level) === 2).map((r) => ({ key: r.region, count: Number(r.n) }))),
    reachable: {
      email: Number(total?.email ?? 0),
      sms: Number(total?.sms ?? 0),
      call: Number(total?.call ?? 0),
      letter: Number(total?.letter ?? 0),
    },
  }
}

export async function findSelection(db: Kysely<Schema>, id: number): Promise<SavedSelection | undefined> {
  const row = await db.selectFrom('selections').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toSaved(row)
}

export async function listSelections(db: Kysely<Schema>): Promise<SavedSelection[]> {
  const rows = await db.selectFrom('selections').selectAll().orderBy('name').execute()
  return rows.map(toSaved)
}

export async function insertSelection(
  db: Kysely<Schema>,
  input: { name: string; description: string | null; rule: unknown; createdBy: number | null },
): Promise<SavedSelection> {
  const row = await db
    .insertInto('selections')
    .values({ name: input.name, description: input.description, rule: JSON.stringify(input.rule), created_by: input.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toSaved(row)
}

export async function updateSelection(
  db: Kysely<Schema>,
  id: number,
  input: { name: string; description: string | null; rule: unknown },
): Promise<SavedSelection | undefined> {
  const row = await db
    .updateTable('selections')
    .set({ name: input.name, description: input.description, rule: JSON.stringify(input.rule), updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
  return row && toSaved(row)
}

function toSaved(row: { id: number; name: string; description: string | null; rule: unknown; version: number; updated_at: Date }): SavedSelection {
  return { id: row.id, name: row.name, description: row.description, rule: row.rule, version: row.version, updatedAt: row.updated_at.toISOString() }
}
