import type { Kysely } from 'kysely'
import type { LeadItem, LeadListQuery } from '../../contract/lead-schemas.ts'
import { LEAD_MOVES } from '../../contract/lead-statuses.ts'
import { routeLead } from '../../core/call-centre/route-lead.ts'
import { maskPersonalData } from '../../core/mask-personal-data.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { listLeadRows, type LeadRow } from '../../db/stores/lead-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { bankToday } from '../bank/bank-today.ts'

const LIST_LIMIT = 5000

/**
 * The viewer's leads (issue 8, item 6): clients who clicked the offer's link, said interested or
 * agreed on a call or replied to an SMS, routed to their personal manager or else their branch
 * (core/call-centre/route-lead.ts); overdue follow-ups first. Masked for the viewer's role; the
 * read is audited as a list of clients.
 */
export async function listLeads(db: Kysely<Schema>, viewer: SessionUser, input: LeadListQuery & { now: Date }): Promise<LeadItem[]> {
  const today = await bankToday(db, input.now)
  const rows = await listLeadRows(db, { viewer, status: input.status, programCode: input.program, today, limit: LIST_LIMIT })
  await appendAuditEvent(db, { userId: viewer.id, login: viewer.login, action: 'client.list', details: { via: 'leads', count: rows.length } })
  return rows.map((row) => leadItemOf(row, viewer, today))
}

export function leadItemOf({ personalManagerId, branchId, ...row }: LeadRow, viewer: SessionUser, today: string): LeadItem {
  const open = row.status === 'new' || row.status === 'in_work'
  return {
    ...maskPersonalData(viewer.role, row),
    route: routeLead({ personalManagerId, branchId }),
    allowedMoves: [...LEAD_MOVES[row.status]],
    overdue: open && row.nextFollowUp !== null && row.nextFollowUp < today,
  }
}
