import { sql, type Kysely } from 'kysely'
import type { LeadOutcome, LeadSource, LeadStatus } from '../../contract/lead-statuses.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import { leadVisibleSql } from '../../core/call-centre/route-lead-sql.ts'
import type { Schema } from '../schema.ts'

// Leads (migration 0025) and the responses the app records with them. Called inside the caller's
// transaction: a click, a call outcome or an SMS reply writes its response and its lead together.

export type AppResponseRow = {
  clientId: number
  programId: number
  waveId: number | null
  /** The offer version the client saw; null: the wave's, else the program's newest. */
  offerId: number | null
  type: ResponseType
  source: LeadSource
  outcome: LeadOutcome
  eventRef: string
  at: Date
  operatorLogin: string | null
  detail: string | null
}

/** The response (once per its natural key) and the lead (once per client, program, source and event); true when the lead is new. */
export async function insertAppResponse(tx: Kysely<Schema>, row: AppResponseRow): Promise<boolean> {
  await sql`
    INSERT INTO responses (client_id, program_id, wave_id, responded_at, type, source)
    VALUES (${row.clientId}, ${row.programId}, ${row.waveId}, ${row.at}, ${row.type}, ${row.source})
    ON CONFLICT DO NOTHING`.execute(tx)
  const inserted = await sql<{ id: number }>`
    INSERT INTO leads (client_id, program_id, wave_id, offer_id, source, outcome, event_ref, event_at, operator_login, detail, created_at, updated_at)
    SELECT ${row.clientId}, p.id, ${row.waveId},
      COALESCE(${row.offerId}::integer, (SELECT w.offer_id FROM waves w WHERE w.id = ${row.waveId}),
        (SELECT o.id FROM offers o WHERE o.code = p.offer_code ORDER BY o.version DESC LIMIT 1)),
      ${row.source}, ${row.outcome}, ${row.eventRef}, ${row.at}, ${row.operatorLogin}, ${row.detail}, ${row.at}, ${row.at}
    FROM programs p WHERE p.id = ${row.programId}
    ON CONFLICT (client_id, program_id, source, event_ref) DO NOTHING
    RETURNING id`.execute(tx)
  return inserted.rows.length > 0
}

export type LeadSale = { product: string; productName: string; productType: string; amount: string; date: string; holdingId: number | null }
export type LeadNote = { at: string; author: string; text: string }

export type LeadRow = {
  id: number
  clientId: number
  bankId: string
  fullName: string
  phone: string | null
  personalManagerId: number | null
  branchId: number | null
  branchName: string | null
  programCode: string
  programName: string
  waveId: number | null
  offerCode: string | null
  offerName: string | null
  source: LeadSource
  outcome: LeadOutcome
  at: string
  operatorLogin: string | null
  note: string | null
  status: LeadStatus
  nextFollowUp: string | null
  workedBy: string | null
  lostReason: string | null
  sale: LeadSale | null
  closedAt: string | null
  notes: LeadNote[]
}

export type LeadFilter = {
  viewer: { id: number; role: string; branchId: number | null }
  status?: LeadStatus
  programCode?: string
  leadId?: number
  /** The bank's today: a follow-up before it on an open lead is overdue, and such leads come first. */
  today: string
  limit: number
}

type RawLead = Omit<LeadRow, 'sale' | 'notes' | 'at' | 'closedAt'> & {
  at: Date; closedAt: Date | null; saleProduct: string | null; saleProductName: string | null; saleProductType: string | null
  saleAmount: string | null; saleDate: string | null; saleHoldingId: number | null
}

/** The viewer's leads (core/call-centre/route-lead-sql.ts): overdue follow-ups first, then open ones, newest first. */
export async function listLeadRows(db: Kysely<Schema>, filter: LeadFilter): Promise<LeadRow[]> {
  const rows = await sql<RawLead>`
    SELECT l.id, l.client_id AS "clientId", c.bank_id AS "bankId", c.full_name AS "fullName", c.phone,
      c.personal_manager_id AS "personalManagerId", c.branch_id AS "branchId", b.name AS "branchName",
      p.code AS "programCode", p.name AS "programName", l.wave_id AS "waveId", o.code AS "offerCode", o.name AS "offerName",
      l.source, l.outcome, l.event_at AS at, l.operator_login AS "operatorLogin", l.detail AS note, l.status,
      to_char(l.next_follow_up, 'YYYY-MM-DD') AS "nextFollowUp", l.worked_by_login AS "workedBy", l.lost_reason AS "lostReason",
      l.sale_product_code AS "saleProduct", sp.name AS "saleProductName", sp.type AS "saleProductType", l.sale_amount::text AS "saleAmount",
      to_char(l.sale_date, 'YYYY-MM-DD') AS "saleDate", l.sale_holding_id AS "saleHoldingId", l.closed_at AS "closedAt"
    FROM leads l JOIN clients c ON c.id = l.client_id JOIN programs p ON p.id = l.program_id
    LEFT JOIN branches b ON b.id = c.branch_id LEFT JOIN offers o ON o.id = l.offer_id LEFT JOIN products sp ON sp.code = l.sale_product_code
    WHERE ${leadVisibleSql(filter.viewer)}
      ${filter.status ? sql`AND l.status = ${filter.status}` : sql``}
      ${filter.programCode ? sql`AND p.code = ${filter.programCode}` : sql``}
      ${filter.leadId !== undefined ? sql`AND l.id = ${filter.leadId}` : sql``}
    ORDER BY (l.status IN ('new', 'in_work') AND l.next_follow_up IS NOT NULL AND l.next_follow_up < ${filter.today}::date) DESC, (l.status IN ('new', 'in_work')) DESC,
      l.next_follow_up NULLS LAST, l.event_at DESC, l.id DESC
    LIMIT ${filter.limit}`.execute(db)
  const notes = await notesOf(db, rows.rows.map((r) => Number(r.id)))
  return rows.rows.map(({ saleProduct, saleProductName, saleProductType, saleAmount, saleDate, saleHoldingId, ...r }) => ({
    ...r,
    id: Number(r.id),
    clientId: Number(r.clientId),
    at: new Date(r.at).toISOString(),
    closedAt: r.closedAt === null ? null : new Date(r.closedAt).toISOString(),
    sale: saleProduct === null
      ? null
      : { product: saleProduct, productName: saleProductName ?? saleProduct, productType: saleProductType ?? '', amount: saleAmount!, date: saleDate!, holdingId: saleHoldingId === null ? null : Number(saleHoldingId) },
    notes: notes.get(Number(r.id)) ?? [],
  }))
}

async function notesOf(db: Kysely<Schema>, leadIds: number[]): Promise<Map<number, LeadNote[]>> {
  const byLead = new Map<number, LeadNote[]>()
  if (leadIds.length === 0) return byLead
  const rows = await db.selectFrom('lead_notes').select(['lead_id', 'at', 'author_login', 'text']).where('lead_id', 'in', leadIds).orderBy('at').orderBy('id').execute()
  for (const row of rows) {
    const list = byLead.get(Number(row.lead_id)) ?? []
    list.push({ at: new Date(row.at).toISOString(), author: row.author_login, text: row.text })
    byLead.set(Number(row.lead_id), list)
  }
  return byLead
}

export type HeldLead = { id: number; clientId: number; status: LeadStatus }

/** The lead, locked until the transaction ends (two managers moving it at once take turns). */
export async function lockLead(tx: Kysely<Schema>, id: number): Promise<HeldLead | undefined> {
  const row = await tx.selectFrom('leads').select(['id', 'client_id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
  return row && { id: Number(row.id), clientId: Number(row.client_id), status: row.status }
}

export type LeadUpdate = {
  status?: LeadStatus
  nextFollowUp?: string | null
  worker?: { id: number; login: string }
  lostReason?: string
  sale?: { product: string; amount: string; date: string; holdingId: number | null }
  at: Date
}

export async function updateLead(tx: Kysely<Schema>, lead: HeldLead, update: LeadUpdate): Promise<void> {
  const closing = update.status === 'won' || update.status === 'lost'
  await tx
    .updateTable('leads')
    .set({
      ...(update.status && { status: update.status }),
      ...(update.nextFollowUp !== undefined && { next_follow_up: update.nextFollowUp }),
      ...(update.worker && { worked_by: update.worker.id, worked_by_login: update.worker.login }),
      ...(update.lostReason !== undefined && { lost_reason: update.lostReason }),
      ...(update.sale && { sale_product_code: update.sale.product, sale_amount: update.sale.amount, sale_date: update.sale.date, sale_holding_id: update.sale.holdingId }),
      ...(closing && { closed_at: update.at, next_follow_up: null }),
      updated_at: update.at,
    })
    .where('client_id', '=', lead.clientId)
    .where('id', '=', lead.id)
    .execute()
}

export async function insertLeadNote(tx: Kysely<Schema>, input: { lead: HeldLead; author: { id: number; login: string }; text: string; at: Date }): Promise<void> {
  await tx
    .insertInto('lead_notes')
    .values({ client_id: input.lead.clientId, lead_id: input.lead.id, author_id: input.author.id, author_login: input.author.login, text: input.text, at: input.at })
    .execute()
}

export async function productExists(db: Kysely<Schema>, code: string): Promise<boolean> {
  return (await db.selectFrom('products').select('code').where('code', '=', code).executeTakeFirst()) !== undefined
}

export async function holdingBelongsTo(db: Kysely<Schema>, input: { clientId: number; holdingId: number }): Promise<boolean> {
  const row = await db.selectFrom('holdings').select('id').where('client_id', '=', input.clientId).where('id', '=', input.holdingId).executeTakeFirst()
  return row !== undefined
}
