import { sql, type Kysely } from 'kysely'
import type { CompiledRule } from '../../core/selection/compile-rule.ts'
import { CHANNELS, type Channel } from '../../contract/channels.ts'
import { sumBreakdownGroups, type SelectionBreakdown } from '../../core/selection/sum-breakdown-groups.ts'
import type { Schema } from '../schema.ts'

export type SavedSelection = {
  id: number
  name: string
  description: string | null
  rule: unknown
  version: number
  updatedAt: string
}

export type { SelectionBreakdown }

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

const reachable = (channel: Channel) =>
  sql<number>`count(*) FILTER (WHERE p.status = 'active' AND NOT p.do_not_contact AND ${sql.ref(`p.consent_${channel}`)})`

/** The count of a compiled rule with its breakdown by segment, region and reachable channel. */
export async function breakdownProfile(db: Kysely<Schema>, compiled: CompiledRule): Promise<SelectionBreakdown> {
  const rows = await db
    .selectFrom('client_profile as p')
    .select(['p.segment', 'p.region_code', sql<number>`count(*)`.as('n'), ...CHANNELS.map((c) => reachable(c).as(c))])
    .where(compiled.where)
    .groupBy(['p.segment', 'p.region_code'])
    .execute()
  return sumBreakdownGroups(
    rows.map((r) => ({
      segment: r.segment,
      region: r.region_code,
      count: Number(r.n),
      reachable: { email: Number(r.email), sms: Number(r.sms), call: Number(r.call), letter: Number(r.letter) },
    })),
  )
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
