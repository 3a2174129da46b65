import type { Kysely } from 'kysely'
import type { ComplaintListQuery, ComplaintItem } from '../../contract/complaint-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { listComplaintRows } from '../../db/stores/complaint-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { bankToday } from '../bank/bank-today.ts'
import { escalateOverdueComplaints } from './escalate-overdue-complaints.ts'
import { complaintItemOf } from './view-complaint.ts'

/**
 * The complaints register (GET /api/complaints): overdue first, then open ones by due date, then
 * the rest newest first; filtered by overdue, status, category (a top one with its leaves),
 * channel, branch, client and owner. Overdue complaints are escalated first (see
 * escalate-overdue-complaints.ts). Masked for the viewer's role; audited as a list of clients.
 */
export async function listComplaints(db: Kysely<Schema>, viewer: SessionUser, input: ComplaintListQuery & { now: Date }): Promise<{ today: string; items: ComplaintItem[] }> {
  const today = await bankToday(db, input.now)
  await escalateOverdueComplaints(db, { today, now: input.now })
  const rows = await listComplaintRows(db, {
    today, overdue: input.overdue, status: input.status, category: input.category, channel: input.channel,
    branchId: input.branch, clientId: input.client, ownerId: input.owner, limit: input.limit,
  })
  await appendAuditEvent(db, { userId: viewer.id, login: viewer.login, action: 'client.list', details: { via: 'complaints', count: rows.length } })
  return { today, items: rows.map((row) => complaintItemOf(row, viewer)) }
}
