import { sql, type Kysely } from 'kysely'
import type { ComplaintChannel, ComplaintSeverity } from '../../contract/complaint-categories.ts'
import { OPEN_COMPLAINT_STATUSES, type ComplaintRootCause, type ComplaintStatus } from '../../contract/complaint-statuses.ts'
import { complaintOverdueSql } from '../../core/complaint/complaint-overdue-sql.ts'
import type { Schema } from '../schema.ts'

// The complaints register (migration 0030): complaints, their moves, and the queries the register reads.

/** What the complaint is about, as registered. */
export type ComplaintFacts = {
  category: string
  channel: ComplaintChannel
  severity: ComplaintSeverity
  subject: string
  description: string
  productCode: string | null
}

export type NewComplaint = ComplaintFacts & {
  clientId: number
  receivedAt: Date
  ownerId: number | null
  branchId: number | null
  slaDueOn: string
  slaWorkingDays: number
  registeredBy: { id: number | null; login: string }
}

/** The complaint and its registration move, inside the caller's transaction; its id. */
export async function insertComplaint(tx: Kysely<Schema>, row: NewComplaint): Promise<number> {
  const { id } = await tx.insertInto('complaints').values({
    client_id: row.clientId, received_at: row.receivedAt, category: row.category, channel: row.channel, severity: row.severity,
    subject: row.subject, description: row.description, product_code: row.productCode, owner_id: row.ownerId, branch_id: row.branchId,
    sla_due_on: row.slaDueOn, sla_working_days: row.slaWorkingDays, registered_by: row.registeredBy.id, updated_at: row.receivedAt,
  }).returning('id').executeTakeFirstOrThrow()
  await insertComplaintMove(tx, { clientId: row.clientId, complaintId: Number(id), kind: 'registration', from: null, to: 'registered', at: row.receivedAt, by: row.registeredBy, note: null })
  return Number(id)
}

export type ComplaintMoveRow = {
  clientId: number
  complaintId: number
  kind: 'registration' | 'move' | 'escalation'
  from: ComplaintStatus | null
  to: ComplaintStatus
  at: Date
  by: { id: number | null; login: string }
  note: string | null
}

export async function insertComplaintMove(tx: Kysely<Schema>, move: ComplaintMoveRow): Promise<void> {
  await tx.insertInto('complaint_moves').values({
    client_id: move.clientId, complaint_id: move.complaintId, kind: move.kind, from_status: move.from, to_status: move.to, at: move.at,
    user_id: move.by.id, login: move.by.login, note: move.note,
  }).execute()
}

export type HeldComplaint = { id: number; clientId: number; status: ComplaintStatus; closedAt: Date | null }

/** The complaint, locked until the transaction ends (two people moving it at once take turns). */
export async function lockComplaint(tx: Kysely<Schema>, id: number): Promise<HeldComplaint | undefined> {
  const row = await tx.selectFrom('complaints').select(['id', 'client_id', 'workflow_status', 'closed_at']).where('id', '=', id).forUpdate().executeTakeFirst()
  return row && { id: Number(row.id), clientId: Number(row.client_id), status: row.workflow_status, closedAt: row.closed_at }
}

export type ComplaintUpdate = {
  status: ComplaintStatus
  closedAt: Date | null
  resolution?: string
  rootCause?: ComplaintRootCause
  compensation?: string
  at: Date
}

export async function updateComplaint(tx: Kysely<Schema>, held: HeldComplaint, update: ComplaintUpdate): Promise<void> {
  await tx.updateTable('complaints').set({
    workflow_status: update.status, closed_at: update.closedAt, updated_at: update.at,
    ...(update.resolution !== undefined && { resolution: update.resolution }),
    ...(update.rootCause !== undefined && { root_cause: update.rootCause }),
    ...(update.compensation !== undefined && { compensation: update.compensation }),
  }).where('client_id', '=', held.clientId).where('id', '=', held.id).execute()
}

/**
 * Marks escalated every complaint found overdue on `today` that was not yet (one UPDATE, so two
 * readers at once escalate each complaint once) and records the escalation move; the escalated ones.
 */
export async function markOverdueComplaintsEscalated(tx: Kysely<Schema>, input: { today: string; at: Date }): Promise<{ id: number; clientId: number; status: ComplaintStatus; slaDueOn: string }[]> {
  const rows = await sql<{ id: string; client_id: string; workflow_status: ComplaintStatus; due: string }>`
    WITH hit AS (
      UPDATE complaints q SET escalated_at = ${input.at}
      WHERE q.escalated_at IS NULL AND ${complaintOverdueSql(input.today)}
      RETURNING q.client_id, q.id, q.workflow_status, to_char(q.sla_due_on, 'YYYY-MM-DD') AS due
    ), moved AS (
      INSERT INTO complaint_moves (client_id, complaint_id, kind, from_status, to_status, at, user_id, login, note)
      SELECT client_id, id, 'escalation', workflow_status, workflow_status, ${input.at}, NULL, 'system', 'overdue since ' || due FROM hit
    )
    SELECT id, client_id, workflow_status, due FROM hit ORDER BY id`.execute(tx)
  return rows.rows.map((r) => ({ id: Number(r.id), clientId: Number(r.client_id), status: r.workflow_status, slaDueOn: r.due }))
}

export type ComplaintRow = ComplaintFacts & {
  id: number
  clientId: number
  bankId: string
  fullName: string
  phone: string | null
  productName: string | null
  ownerId: number | null
  ownerName: string | null
  branchId: number | null
  branchName: string | null
  status: ComplaintStatus
  receivedAt: string
  slaWorkingDays: number | null
  slaDueOn: string | null
  overdue: boolean
  escalatedAt: string | null
  resolution: string | null
  rootCause: ComplaintRootCause | null
  compensation: string | null
  closedAt: string | null
}

export type ComplaintFilter = {
  today: string
  overdue?: boolean
  status?: ComplaintStatus
  /** A leaf, or a top category with its leaves. */
  category?: string
  channel?: ComplaintChannel
  branchId?: number
  clientId?: number
  ownerId?: number
  complaintId?: number
  limit: number
}

type RawComplaint = Omit<ComplaintRow, 'id' | 'clientId' | 'receivedAt' | 'escalatedAt' | 'closedAt'> & {
  id: string; clientId: string; receivedAt: Date; escalatedAt: Date | null; closedAt: Date | null
}

/** The register: overdue complaints first (the longest overdue first), then the open ones by due date, then the rest newest first. */
export async function listComplaintRows(db: Kysely<Schema>, filter: ComplaintFilter): Promise<ComplaintRow[]> {
  const overdue = complaintOverdueSql(filter.today)
  const openStatuses = sql.join(OPEN_COMPLAINT_STATUSES.map((status) => sql.lit(status)))
  const rows = await sql<RawComplaint>`
    SELECT q.id, q.client_id AS "clientId", c.bank_id AS "bankId", c.full_name AS "fullName", c.phone,
      q.category, q.channel, q.severity, q.subject, q.description, q.product_code AS "productCode", p.name AS "productName",
      q.owner_id AS "ownerId", u.full_name AS "ownerName", q.branch_id AS "branchId", b.name AS "branchName",
      q.workflow_status AS status, q.received_at AS "receivedAt", q.sla_working_days AS "slaWorkingDays",
      to_char(q.sla_due_on, 'YYYY-MM-DD') AS "slaDueOn", ${overdue} AS overdue, q.escalated_at AS "escalatedAt",
      q.resolution, q.root_cause AS "rootCause", q.compensation::text AS compensation, q.closed_at AS "closedAt"
    FROM complaints q JOIN clients c ON c.id = q.client_id
    LEFT JOIN products p ON p.code = q.product_code LEFT JOIN users u ON u.id = q.owner_id LEFT JOIN branches b ON b.id = q.branch_id
    WHERE true
      ${filter.overdue === undefined ? sql`` : filter.overdue ? sql`AND ${overdue}` : sql`AND NOT ${overdue}`}
      ${filter.status ? sql`AND q.workflow_status = ${filter.status}` : sql``}
      ${filter.category ? sql`AND (q.category = ${filter.category} OR q.category LIKE ${`${filter.category}.%`})` : sql``}
      ${filter.channel ? sql`AND q.channel = ${filter.channel}` : sql``}
      ${filter.branchId !== undefined ? sql`AND q.branch_id = ${filter.branchId}` : sql``}
      ${filter.clientId !== undefined ? sql`AND q.client_id = ${filter.clientId}` : sql``}
      ${filter.ownerId !== undefined ? sql`AND q.owner_id = ${filter.ownerId}` : sql``}
      ${filter.complaintId !== undefined ? sql`AND q.id = ${filter.complaintId}` : sql``}
    ORDER BY ${overdue} DESC, (q.workflow_status IN (${openStatuses})) DESC,
      CASE WHEN q.workflow_status IN (${openStatuses}) THEN q.sla_due_on END ASC NULLS LAST, q.received_at DESC, q.id DESC
    LIMIT ${filter.limit}`.execute(db)
  return rows.rows.map((r) => ({
    ...r,
    id: Number(r.id),
    clientId: Number(r.clientId),
    receivedAt: new Date(r.receivedAt).toISOString(),
    escalatedAt: r.escalatedAt === null ? null : new Date(r.escalatedAt).toISOString(),
    closedAt: r.closedAt === null ? null : new Date(r.closedAt).toISOString(),
  }))
}

export type ComplaintMoveItem = { kind: 'registration' | 'move' | 'escalation'; from: ComplaintStatus | null; to: ComplaintStatus; at: string; login: string; note: string | null }

export async function listComplaintMoves(db: Kysely<Schema>, complaint: { clientId: number; id: number }): Promise<ComplaintMoveItem[]> {
  const rows = await db.selectFrom('complaint_moves').select(['kind', 'from_status', 'to_status', 'at', 'login', 'note'])
    .where('client_id', '=', complaint.clientId).where('complaint_id', '=', complaint.id).orderBy('at').orderBy('id').execute()
  return rows.map((r) => ({ kind: r.kind, from: r.from_status, to: r.to_status, at: new Date(r.at).toISOString(), login: r.login, note: r.note }))
}

/** The client's branch, or undefined when there is no such client. */
export async function findComplainant(db: Kysely<Schema>, clientId: number): Promise<{ branchId: number | null } | undefined> {
  const row = await db.selectFrom('clients').select('branch_id').where('id', '=', clientId).executeTakeFirst()
  return row && { branchId: row.branch_id }
}

export async function isActiveUser(db: Kysely<Schema>, userId: number): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', userId).where('active', '=', true).executeTakeFirst()) !== undefined
}
