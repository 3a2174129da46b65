import type { Kysely } from 'kysely'
import type { ComplaintDetail, ComplaintRegisterBody } from '../../contract/complaint-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { complaintSlaDays } from '../../core/complaint/complaint-sla-days.ts'
import { routeComplaint } from '../../core/complaint/route-complaint.ts'
import { DomainError } from '../../core/domain-error.ts'
import { addWorkingDays } from '../../core/working-days.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { listComplaintEconomists, readBankCalendar, readComplaintRoutes, readComplaintSlaRules } from '../../db/stores/complaint-sla-store.ts'
import { findComplainant, insertComplaint, isActiveUser } from '../../db/stores/complaint-store.ts'
import { productExists } from '../../db/stores/lead-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { bankToday } from '../bank/bank-today.ts'
import { viewComplaint } from './view-complaint.ts'

export type FileComplaintInput = Omit<ComplaintRegisterBody, 'receivedAt'> & {
  receivedAt: Date
  /** Who registered it; the call centre's operator for a complaint made on a call. */
  by: { id: number | null; login: string }
}

/** Registers a complaint (POST /api/complaints) and returns it as the register shows it. */
export async function registerComplaint(db: Kysely<Schema>, input: ComplaintRegisterBody & { viewer: SessionUser; now: Date }): Promise<ComplaintDetail> {
  const receivedAt = input.receivedAt === undefined ? input.now : new Date(input.receivedAt)
  const id = await db.transaction().execute((tx) => fileComplaint(tx, { ...input, receivedAt, by: { id: input.viewer.id, login: input.viewer.login } }))
  return viewComplaint(db, { id, viewer: input.viewer, now: input.now, audit: false })
}

/**
 * The complaint inside the caller's transaction (a call's outcome files one with the call): checks
 * the client, product and owner exist; its branch is the client's unless given; the SLA (working
 * days per category and channel, core/complaint/complaint-sla-days.ts) counts from the bank day it
 * was received over the bank's calendar; the owner is given or routed (core/complaint/route-complaint.ts).
 * Audited as a change of the client's record.
 */
export async function fileComplaint(tx: Kysely<Schema>, input: FileComplaintInput): Promise<number> {
  const client = await findComplainant(tx, input.clientId)
  if (!client) throw new DomainError('invalid_input', `No client ${input.clientId}`, reason('complaint.unknown_client', { field: 'clientId', value: input.clientId }))
  if (input.productCode !== null && !(await productExists(tx, input.productCode))) {
    throw new DomainError('invalid_input', `No product ${input.productCode}`, reason('complaint.unknown_product', { field: 'productCode', value: input.productCode }))
  }
  if (input.ownerId != null && !(await isActiveUser(tx, input.ownerId))) {
    throw new DomainError('invalid_input', `No active user ${input.ownerId}`, reason('complaint.unknown_owner', { field: 'ownerId', value: input.ownerId }))
  }
  const branchId = input.branchId === undefined ? client.branchId : input.branchId
  const [rules, calendar, routes, economists, receivedOn] = await Promise.all([
    readComplaintSlaRules(tx), readBankCalendar(tx), readComplaintRoutes(tx), listComplaintEconomists(tx), bankToday(tx, input.receivedAt),
  ])
  const slaWorkingDays = complaintSlaDays({ category: input.category, channel: input.channel, rules })
  const ownerId = input.ownerId ?? routeComplaint({ category: input.category, branchId, rules: routes, economists })
  const id = await insertComplaint(tx, {
    ...input, ownerId, branchId, slaWorkingDays, slaDueOn: addWorkingDays(receivedOn, slaWorkingDays, calendar), registeredBy: input.by,
  })
  await appendAuditEvent(tx, {
    userId: input.by.id, login: input.by.login, action: 'complaint.register', entity: 'client', entityId: String(input.clientId),
    details: { complaint: id, category: input.category, channel: input.channel, severity: input.severity, owner: ownerId },
  })
  return id
}
