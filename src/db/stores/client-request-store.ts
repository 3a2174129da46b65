import { sql, type ExpressionBuilder, type Kysely } from 'kysely'
import type { ClientRequestItem } from '../../contract/client-request-schemas.ts'
import type { ProductType } from '../../contract/product-types.ts'
import type { RequestCategory } from '../../contract/request-categories.ts'
import type { Segment } from '../../contract/segments.ts'
import { bankDayStartSql } from '../../core/bank-day-sql.ts'
import type { RequestCountRow } from '../../core/branch-requests/request-count-series.ts'
import type { ClientScope } from '../../core/client-scope.ts'
import type { Schema } from '../schema.ts'
import { inScope } from './client-store.ts'

// Special client requests (migration 0036): what branches heard that the bank does not offer.

export type NewClientRequest = {
  clientId: number
  branchId: number | null
  segment: Segment
  body: string
  productType: ProductType | null
  category: RequestCategory
  authorId: number | null
  authorLogin: string
  createdAt: Date
}

/** The filters the list and the counts share; days are bank days (`to` included) in `timeZone`. */
export type ClientRequestFilter = {
  scope: ClientScope
  timeZone: string
  from?: string
  to?: string
  category?: RequestCategory
  segment?: Segment
  branchId?: number
  clientId?: number
  id?: number
  uncategorised?: boolean
  idea?: number | 'none'
}

export async function insertClientRequests(db: Kysely<Schema>, rows: readonly NewClientRequest[]): Promise<number[]> {
  if (rows.length === 0) return []
  const inserted = await db
    .insertInto('client_requests')
    .values(rows.map((r) => ({
      client_id: r.clientId, branch_id: r.branchId, segment: r.segment, body: r.body, product_type: r.productType, category: r.category,
      author_id: r.authorId, author_login: r.authorLogin, created_at: r.createdAt,
    })))
    .returning('id')
    .execute()
  return inserted.map((r) => r.id)
}

/** What a request records about its client when heard: the segment and the client's branch. */
export async function findRequestClient(db: Kysely<Schema>, clientId: number): Promise<{ segment: Segment; branchId: number | null } | undefined> {
  const row = await db.selectFrom('clients').select(['segment', 'branch_id']).where('id', '=', clientId).executeTakeFirst()
  return row && { segment: row.segment, branchId: row.branch_id }
}

function filtered(db: Kysely<Schema>, f: ClientRequestFilter) {
  let query = db
    .selectFrom('client_requests as r')
    .innerJoin('clients', 'clients.id', 'r.client_id')
    .leftJoin('branches as b', 'b.id', 'r.branch_id')
    .where((eb) => inScope(eb as unknown as ExpressionBuilder<Schema, 'clients'>, f.scope))
  if (f.from) query = query.where('r.created_at', '>=', bankDayStartSql(f.from, f.timeZone))
  if (f.to) query = query.where('r.created_at', '<', sql<Date>`(${bankDayStartSql(f.to, f.timeZone)} + interval '1 day')`)
  if (f.category) query = query.where('r.category', '=', f.category)
  if (f.segment) query = query.where('r.segment', '=', f.segment)
  if (f.branchId !== undefined) query = query.where('r.branch_id', '=', f.branchId)
  if (f.clientId !== undefined) query = query.where('r.client_id', '=', f.clientId)
  if (f.id !== undefined) query = query.where('r.id', '=', f.id)
  if (f.uncategorised) query = query.where('r.categorised_at', 'is', null)
  if (f.idea === 'none') {
    query = query.where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('product_idea_requests as l').select('l.idea_id').whereRef('l.client_id', '=', 'r.client_id').whereRef('l.request_id', '=', 'r.id'))))
  } else if (f.idea !== undefined) {
    const idea = f.idea
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('product_idea_requests as l').select('l.idea_id').where('l.idea_id', '=', idea).whereRef('l.client_id', '=', 'r.client_id').whereRef('l.request_id', '=', 'r.id')))
  }
  return query
}

/** A page of the requests, newest first, and how many match. */
export async function listClientRequests(db: Kysely<Schema>, f: ClientRequestFilter & { limit: number; offset: number }): Promise<{ items: ClientRequestItem[]; total: number }> {
  const rows = await filtered(db, f)
    .select([
      'r.id', 'r.client_id', 'clients.bank_id', 'clients.full_name', 'r.segment', 'r.branch_id', 'b.name as branch_name', 'r.body', 'r.product_type',
      'r.category', 'r.author_login', 'r.created_at', 'r.categorised_by', 'r.categorised_at',
      sql<number[]>`ARRAY(SELECT l.idea_id FROM product_idea_requests l WHERE l.client_id = r.client_id AND l.request_id = r.id ORDER BY l.idea_id)`.as('idea_ids'),
    ])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute()
  const { total } = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id, clientId: r.client_id, bankId: r.bank_id, fullName: r.full_name, segment: r.segment, branchId: r.branch_id, branchName: r.branch_name,
      body: r.body, productType: r.product_type, category: r.category, authorLogin: r.author_login, createdAt: r.created_at.toISOString(),
      categorisedBy: r.categorised_by, categorisedAt: r.categorised_at?.toISOString() ?? null, ideaIds: r.idea_ids.map(Number),
    })),
  }
}

const GROUP_SQL = {
  segment: sql<string>`r.segment`,
  category: sql<string>`r.category`,
  branch: sql<string>`coalesce(r.branch_id::text, 'none')`,
} as const

/** Requests per bank month (YYYY-MM) and group; a branch group carries the branch's name. */
export async function countClientRequestsByMonth(db: Kysely<Schema>, f: ClientRequestFilter & { by: keyof typeof GROUP_SQL }): Promise<RequestCountRow[]> {
  const group = GROUP_SQL[f.by]
  const month = sql<string>`to_char(r.created_at AT TIME ZONE ${f.timeZone}::text, 'YYYY-MM')`
  const rows = await filtered(db, f)
    .select([month.as('month'), group.as('key'), sql<string | null>`max(b.name)`.as('label'), (eb) => eb.fn.countAll<number>().as('n')])
    // By position: the month's zone is a bound parameter, so the expression is not the select's own to PostgreSQL.
    .groupBy([sql`1`, sql`2`])
    .execute()
  return rows.map((r) => ({ month: r.month, key: r.key, label: f.by === 'branch' ? r.label : null, n: Number(r.n) }))
}

/** The bank month of the earliest request matching, for a count without a start date. */
export async function firstRequestMonth(db: Kysely<Schema>, f: ClientRequestFilter): Promise<string | null> {
  const row = await filtered(db, f)
    .select(sql<string | null>`to_char(min(r.created_at) AT TIME ZONE ${f.timeZone}::text, 'YYYY-MM')`.as('month'))
    .executeTakeFirst()
  return row?.month ?? null
}

/** The requests of these ids that exist, with their clients. */
export async function findRequestKeys(db: Kysely<Schema>, ids: readonly number[]): Promise<{ id: number; clientId: number }[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('client_requests').select(['id', 'client_id']).where('id', 'in', [...ids]).execute()
  return rows.map((r) => ({ id: r.id, clientId: r.client_id }))
}

export type RequestCategoryChange = { id: number; category: RequestCategory; productType?: ProductType | null; by: string; at: Date }

/** Sets a request's category (and product type when given); the request's previous ones, or undefined when there is none. */
export async function updateRequestCategory(db: Kysely<Schema>, change: RequestCategoryChange): Promise<{ clientId: number; category: RequestCategory; productType: ProductType | null } | undefined> {
  const before = await db.selectFrom('client_requests').select(['client_id', 'category', 'product_type']).where('id', '=', change.id).forUpdate().executeTakeFirst()
  if (!before) return undefined
  await db
    .updateTable('client_requests')
    .set({ category: change.category, categorised_by: change.by, categorised_at: change.at, ...(change.productType !== undefined && { product_type: change.productType }) })
    .where('client_id', '=', before.client_id)
    .where('id', '=', change.id)
    .execute()
  return { clientId: before.client_id, category: before.category, productType: before.product_type }
}
