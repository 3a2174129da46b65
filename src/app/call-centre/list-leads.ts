import type { Kysely } from 'kysely'
import { isLeadFor, routeLead, type LeadRoute } from '../../core/call-centre/route-lead.ts'
import { maskPersonalData } from '../../core/mask-personal-data.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { listCallLeadRows } from '../../db/stores/lead-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'

export type CallLead = { clientId: number; bankId: string; fullName: string; phone: string | null; branchName: string | null; programCode: string; outcome: 'interested' | 'agreed'; at: string; operatorLogin: string; note: string | null; route: LeadRoute }

/**
 * The viewer's leads from the call centre (issue 8, item 6): clients who said "interested" or
 * "agreed" on a call, routed to their personal manager or their branch (core/call-centre/route-lead.ts),
 * newest first, masked for the viewer's role; the read is audited as a list of clients.
 */
export async function listLeads(db: Kysely<Schema>, viewer: SessionUser): Promise<CallLead[]> {
  const rows = (await listCallLeadRows(db, { limit: 5000 })).filter((row) => isLeadFor(viewer, row))
  await appendAuditEvent(db, { userId: viewer.id, login: viewer.login, action: 'client.list', details: { via: 'leads', count: rows.length } })
  return rows.map(({ personalManagerId, branchId, ...row }) => ({ ...maskPersonalData(viewer.role, row), route: routeLead({ personalManagerId, branchId }) }))
}
