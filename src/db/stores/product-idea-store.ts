import { sql, type Kysely } from 'kysely'
import type { ProductIdeaEvidence } from '../../contract/product-idea-schemas.ts'
import type { ProductIdeaStatus } from '../../contract/product-idea-statuses.ts'
import type { ProductType } from '../../contract/product-types.ts'
import type { Segment } from '../../contract/segments.ts'
import { FUNDS_PRODUCT_TYPES } from '../../core/branch-requests/funds-product-types.ts'
import type { Schema } from '../schema.ts'

// The client economist's board of product ideas and the requests that are their evidence (migration 0036).

export type ProductIdeaRow = {
  id: number
  title: string
  description: string
  productType: ProductType | null
  status: ProductIdeaStatus
  createdAt: string
  updatedAt: string
  statusChangedAt: string
}

export type ProductIdeaFields = { title?: string; description?: string; productType?: ProductType | null }

export async function insertProductIdea(db: Kysely<Schema>, idea: Required<ProductIdeaFields> & { createdBy: number | null; at: Date }): Promise<number> {
  const row = await db
    .insertInto('product_ideas')
    .values({ title: idea.title, description: idea.description, product_type: idea.productType, created_by: idea.createdBy, created_at: idea.at, updated_at: idea.at, status_changed_at: idea.at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function lockProductIdea(db: Kysely<Schema>, id: number): Promise<ProductIdeaRow | undefined> {
  const [row] = await listProductIdeaRows(db, { id, lock: true })
  return row
}

export async function listProductIdeaRows(db: Kysely<Schema>, only: { id?: number; lock?: boolean } = {}): Promise<ProductIdeaRow[]> {
  let query = db.selectFrom('product_ideas').selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc')
  if (only.id !== undefined) query = query.where('id', '=', only.id)
  if (only.lock) query = query.forUpdate()
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id, title: r.title, description: r.description, productType: r.product_type, status: r.status,
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(), statusChangedAt: r.status_changed_at.toISOString(),
  }))
}

export async function updateProductIdea(db: Kysely<Schema>, id: number, change: ProductIdeaFields & { status?: ProductIdeaStatus; at: Date }): Promise<void> {
  await db
    .updateTable('product_ideas')
    .set({
      updated_at: change.at,
      ...(change.title !== undefined && { title: change.title }),
      ...(change.description !== undefined && { description: change.description }),
      ...(change.productType !== undefined && { product_type: change.productType }),
      ...(change.status !== undefined && { status: change.status, status_changed_at: change.at }),
    })
    .where('id', '=', id)
    .execute()
}

/** Links requests to an idea (once each); how many were new. */
export async function linkIdeaRequests(db: Kysely<Schema>, input: { ideaId: number; requests: readonly { id: number; clientId: number }[]; by: string; at: Date }): Promise<number> {
  if (input.requests.length === 0) return 0
  const rows = await db
    .insertInto('product_idea_requests')
    .values(input.requests.map((r) => ({ idea_id: input.ideaId, client_id: r.clientId, request_id: r.id, linked_by: input.by, linked_at: input.at })))
    .onConflict((oc) => oc.doNothing())
    .returning('request_id')
    .execute()
  return rows.length
}

export async function unlinkIdeaRequests(db: Kysely<Schema>, ideaId: number, requestIds: readonly number[]): Promise<number> {
  if (requestIds.length === 0) return 0
  const result = await db.deleteFrom('product_idea_requests').where('idea_id', '=', ideaId).where('request_id', 'in', [...requestIds]).executeTakeFirst()
  return Number(result.numDeletedRows)
}

const noEvidence = (): ProductIdeaEvidence => ({ requests: 0, clients: 0, bySegment: [], byBranch: [], funds: '0.00', firstAt: null, lastAt: null })

/**
 * Each idea's evidence: its requests, their clients, segments and branches, and the funds the
 * clients hold on the bank's funds products (core/branch-requests/funds-product-types.ts), each
 * client counted once however many requests they made. Holdings open on `today` count.
 */
export async function productIdeaEvidence(db: Kysely<Schema>, ideaIds: readonly number[], today: string): Promise<Map<number, ProductIdeaEvidence>> {
  const evidence = new Map(ideaIds.map((id) => [id, noEvidence()]))
  if (ideaIds.length === 0) return evidence
  const ids = [...ideaIds]
  const groups = await db
    .selectFrom('product_idea_requests as l')
    .innerJoin('client_requests as r', (join) => join.onRef('r.client_id', '=', 'l.client_id').onRef('r.id', '=', 'l.request_id'))
    .leftJoin('branches as b', 'b.id', 'r.branch_id')
    .select(['l.idea_id', 'r.segment', 'r.branch_id', sql<string | null>`max(b.name)`.as('branch_name'), (eb) => eb.fn.countAll<number>().as('n'),
      sql<Date>`min(r.created_at)`.as('first_at'), sql<Date>`max(r.created_at)`.as('last_at')])
    .where('l.idea_id', 'in', ids)
    .groupBy(['l.idea_id', 'r.segment', 'r.branch_id'])
    .execute()
  for (const g of groups) {
    const e = evidence.get(g.idea_id)!
    const n = Number(g.n)
    e.requests += n
    addTo(e.bySegment, (s) => s.segment === g.segment, { segment: g.segment as Segment, requests: 0 }).requests += n
    addTo(e.byBranch, (b) => b.branchId === g.branch_id, { branchId: g.branch_id, branchName: g.branch_name, requests: 0 }).requests += n
    const first = new Date(g.first_at).toISOString()
    const last = new Date(g.last_at).toISOString()
    if (e.firstAt === null || first < e.firstAt) e.firstAt = first
    if (e.lastAt === null || last > e.lastAt) e.lastAt = last
  }
  const worth = await sql<{ idea_id: number; clients: number; funds: string }>`
    WITH linked AS (SELECT DISTINCT idea_id, client_id FROM product_idea_requests WHERE idea_id IN (${sql.join(ids)}))
    SELECT l.idea_id, count(DISTINCT l.client_id) AS clients,
      coalesce(sum(f.funds), 0)::numeric(18,2)::text AS funds
    FROM linked l
    LEFT JOIN LATERAL (
      SELECT sum(h.balance) AS funds FROM holdings h JOIN products p ON p.code = h.product_code
      WHERE h.client_id = l.client_id AND (h.closed_at IS NULL OR h.closed_at > ${today}::date)
        AND p.type IN (${sql.join([...FUNDS_PRODUCT_TYPES])})
    ) f ON true
    GROUP BY l.idea_id`.execute(db)
  for (const w of worth.rows) {
    const e = evidence.get(w.idea_id)!
    e.clients = Number(w.clients)
    e.funds = w.funds
  }
  for (const e of evidence.values()) {
    e.bySegment.sort((a, b) => b.requests - a.requests)
    e.byBranch.sort((a, b) => b.requests - a.requests)
  }
  return evidence
}

function addTo<T>(list: T[], match: (item: T) => boolean, fresh: T): T {
  const found = list.find(match)
  if (found) return found
  list.push(fresh)
  return fresh
}
