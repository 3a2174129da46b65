import type { Kysely } from 'kysely'
import type { ComplaintDetail, ComplaintItem } from '../../contract/complaint-schemas.ts'
import { COMPLAINT_MOVES } from '../../contract/complaint-statuses.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { maskPersonalData } from '../../core/mask-personal-data.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { listComplaintMoves, listComplaintRows, type ComplaintRow } from '../../db/stores/complaint-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { bankToday } from '../bank/bank-today.ts'
import { escalateOverdueComplaints } from './escalate-overdue-complaints.ts'

/** One complaint with its moves (GET /api/complaints/:id), masked for the viewer; the read is audited as a view of the client. */
export async function viewComplaint(db: Kysely<Schema>, input: { id: number; viewer: SessionUser; now: Date; audit?: boolean }): Promise<ComplaintDetail> {
  const today = await bankToday(db, input.now)
  await escalateOverdueComplaints(db, { today, now: input.now })
  const [row] = await listComplaintRows(db, { today, complaintId: input.id, limit: 1 })
  if (!row) throw new DomainError('not_found', `No complaint ${input.id}`, reason('complaint.not_found', { complaint: input.id }))
  if (input.audit !== false) {
    await appendAuditEvent(db, { userId: input.viewer.id, login: input.viewer.login, action: 'client.view', entity: 'client', entityId: String(row.clientId), details: { via: 'complaint', complaint: row.id } })
  }
  return { ...complaintItemOf(row, input.viewer), moves: await listComplaintMoves(db, row) }
}

export function complaintItemOf(row: ComplaintRow, viewer: SessionUser): ComplaintItem {
  return { ...maskPersonalData(viewer.role, row), allowedMoves: [...COMPLAINT_MOVES[row.status]] }
}
