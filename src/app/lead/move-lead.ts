import type { Kysely } from 'kysely'
import type { LeadItem, LeadPatchBody } from '../../contract/lead-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { checkLeadMove } from '../../core/lead/check-lead-move.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { holdingBelongsTo, listLeadRows, lockLead, productExists, updateLead, type HeldLead } from '../../db/stores/lead-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { bankToday } from '../bank/bank-today.ts'
import { leadItemOf } from './list-leads.ts'

export type MoveLeadInput = LeadPatchBody & { id: number; viewer: SessionUser; now: Date }

/**
 * A move of the viewer's lead (contract/lead-statuses.ts; a move outside the table is 409 naming
 * the allowed ones) and/or its next follow-up date. Taking a lead in work records who works it;
 * closing it as won records the sale (a catalogue product, the amount in roubles, the date, the
 * client's holding when given), as lost the reason. A lead not on the viewer's list is not found.
 * Each change is audited.
 */
export async function moveLead(db: Kysely<Schema>, input: MoveLeadInput): Promise<LeadItem> {
  const today = await bankToday(db, input.now)
  await db.transaction().execute(async (tx) => {
    const lead = await visibleLead(tx, input.id, input.viewer, today)
    if (input.status !== undefined) checkLeadMove(lead.status, input.status)
    const open = (input.status ?? lead.status) === 'new' || (input.status ?? lead.status) === 'in_work'
    if (input.nextFollowUp !== undefined && !open) throw new DomainError('conflict', `The lead is ${lead.status}`, reason('lead.closed', { status: input.status ?? lead.status }))
    if (input.sale) await checkSale(tx, lead, input.sale)
    const worker = { id: input.viewer.id, login: input.viewer.login }
    await updateLead(tx, lead, {
      status: input.status, nextFollowUp: input.nextFollowUp, lostReason: input.lostReason, sale: input.sale, at: input.now,
      ...(input.status !== undefined && { worker }),
    })
    await appendAuditEvent(tx, {
      userId: input.viewer.id, login: input.viewer.login, action: input.status ? 'lead.move' : 'lead.follow_up', entity: 'client', entityId: String(lead.clientId),
      details: { lead: lead.id, from: lead.status, ...(input.status && { to: input.status }), ...(input.nextFollowUp !== undefined && { nextFollowUp: input.nextFollowUp }), ...(input.sale && { sale: input.sale }), ...(input.lostReason && { reason: input.lostReason }) },
    })
  })
  return readLead(db, input.id, input.viewer, today)
}

/** The lead if it is on the viewer's list (core/call-centre/route-lead-sql.ts), locked; else not found. */
export async function visibleLead(tx: Kysely<Schema>, id: number, viewer: SessionUser, today: string): Promise<HeldLead> {
  const seen = await listLeadRows(tx, { viewer, leadId: id, today, limit: 1 })
  const lead = seen.length > 0 ? await lockLead(tx, id) : undefined
  if (!lead) throw new DomainError('not_found', `No lead ${id} on your list`, reason('lead.not_found', { lead: id }))
  return lead
}

export async function readLead(db: Kysely<Schema>, id: number, viewer: SessionUser, today: string): Promise<LeadItem> {
  const [row] = await listLeadRows(db, { viewer, leadId: id, today, limit: 1 })
  if (!row) throw new DomainError('not_found', `No lead ${id} on your list`, reason('lead.not_found', { lead: id }))
  return leadItemOf(row, viewer, today)
}

async function checkSale(tx: Kysely<Schema>, lead: HeldLead, sale: NonNullable<LeadPatchBody['sale']>): Promise<void> {
  if (!(await productExists(tx, sale.product))) throw new DomainError('invalid_input', `No product ${sale.product}`, reason('lead.unknown_product', { product: sale.product }))
  if (sale.holdingId !== null && !(await holdingBelongsTo(tx, { clientId: lead.clientId, holdingId: sale.holdingId }))) {
    throw new DomainError('invalid_input', `Holding ${sale.holdingId} is not the client's`, reason('lead.holding_not_client', { holding: sale.holdingId }))
  }
}
