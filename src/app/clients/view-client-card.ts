import type { Kysely } from 'kysely'
import { currentConsents } from '../../core/current-consents.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { routeLead, type LeadRoute } from '../../core/call-centre/route-lead.ts'
import { maskPersonalData } from '../../core/mask-personal-data.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import {
  findClientDetails,
  listActivity,
  listConsentHistory,
  listClientLeads,
  listContactHistory,
  listHoldings,
  listNotes,
  type ActivityMonth,
  type ClientLeadLine,
  type ClientDetails,
  type ConsentLine,
  type ContactLine,
  type HoldingLine,
  type NoteLine,
} from '../../db/stores/client-card-store.ts'
import { requireClientInScope } from './client-access-of.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'

export type ClientCard = {
  client: ClientDetails
  holdings: HoldingLine[]
  activity: ActivityMonth[]
  consents: { current: Omit<ConsentLine, 'recordedAt'>[]; history: ConsentLine[] }
  notes: NoteLine[]
  contacts: ContactLine[]
  leads: (Omit<ClientLeadLine, 'personalManagerId' | 'branchId'> & { route: LeadRoute })[]
}

/**
 * The client 360 card, masked for the viewer's role. Every view is an audit event, written before
 * anything beyond the client's existence is read: no card leaves without its trace.
 */
export async function viewClientCard(db: Kysely<Schema>, input: { viewer: SessionUser; clientId: number }): Promise<ClientCard> {
  const { viewer, clientId } = input
  await requireClientInScope(db, viewer, clientId)
  const client = await findClientDetails(db, clientId)
  if (!client) throw new DomainError('not_found', `No client ${clientId}`, reason('client.not_found', { id: clientId }))
  await appendAuditEvent(db, { userId: viewer.id, login: viewer.login, action: 'client.view', entity: 'client', entityId: String(clientId) })
  const [holdings, activity, history, notes, contacts, leads] = await Promise.all([
    listHoldings(db, clientId),
    listActivity(db, clientId),
    listConsentHistory(db, clientId),
    listNotes(db, clientId),
    listContactHistory(db, clientId),
    listClientLeads(db, clientId),
  ])
  const current = currentConsents(history).map(({ recordedAt: _recordedAt, ...consent }) => consent)
  return { client: maskPersonalData(viewer.role, client), holdings, activity, consents: { current, history }, notes, contacts, leads: leads.map(({ personalManagerId, branchId, ...lead }) => ({ ...lead, route: routeLead({ personalManagerId, branchId }) })) }
}
