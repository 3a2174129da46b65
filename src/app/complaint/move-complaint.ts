import type { Kysely } from 'kysely'
import type { ComplaintDetail, ComplaintMoveBody } from '../../contract/complaint-schemas.ts'
import { isOpenComplaintStatus } from '../../contract/complaint-statuses.ts'
import { reason } from '../../contract/reason-codes.ts'
import { checkComplaintMove } from '../../core/complaint/check-complaint-move.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { insertComplaintMove, lockComplaint, updateComplaint } from '../../db/stores/complaint-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { viewComplaint } from './view-complaint.ts'

export type MoveComplaintInput = ComplaintMoveBody & { id: number; viewer: SessionUser; now: Date }

/**
 * One move of a complaint (contract/complaint-statuses.ts; a move outside the table is 409 naming
 * the allowed ones). Resolving needs the resolution and may record the root cause and the
 * compensation paid; it stops the SLA clock and starts the contact policy's quiet period
 * (closed_at). Reopening a resolved or closed complaint clears closed_at: open again for the policy.
 * The move goes to the complaint's history with who made it; audited.
 */
export async function moveComplaint(db: Kysely<Schema>, input: MoveComplaintInput): Promise<ComplaintDetail> {
  await db.transaction().execute(async (tx) => {
    const held = await lockComplaint(tx, input.id)
    if (!held) throw new DomainError('not_found', `No complaint ${input.id}`, reason('complaint.not_found', { complaint: input.id }))
    checkComplaintMove(held.status, input.to)
    if (input.to === 'resolved' && !input.resolution) throw new DomainError('invalid_input', 'A resolved complaint needs its resolution', reason('complaint.resolution_required', { field: 'resolution' }))
    const answered = !isOpenComplaintStatus(input.to)
    // Closing a resolved complaint keeps the instant it was answered; a reopen clears it.
    const closedAt = answered ? (held.closedAt ?? input.now) : null
    await updateComplaint(tx, held, { status: input.to, closedAt, resolution: input.resolution, rootCause: input.rootCause, compensation: input.compensation, at: input.now })
    const by = { id: input.viewer.id, login: input.viewer.login }
    await insertComplaintMove(tx, { clientId: held.clientId, complaintId: held.id, kind: 'move', from: held.status, to: input.to, at: input.now, by, note: input.note ?? null })
    await appendAuditEvent(tx, {
      userId: by.id, login: by.login, action: 'complaint.move', entity: 'client', entityId: String(held.clientId),
      details: { complaint: held.id, from: held.status, to: input.to, ...(input.rootCause && { rootCause: input.rootCause }), ...(input.compensation && { compensation: input.compensation }) },
    })
  })
  return viewComplaint(db, { id: input.id, viewer: input.viewer, now: input.now, audit: false })
}
