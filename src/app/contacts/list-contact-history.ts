import type { Kysely } from 'kysely'
import type { ContactHistoryLine, ContactHistoryPage, ContactHistoryQuery } from '../../contract/contact-history-schemas.ts'
import type { Role } from '../../contract/roles.ts'
import { maskContactAddress } from '../../core/mask-contact-address.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { listContactHistoryPage, type ContactHistoryRow } from '../../db/stores/contact-history-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { auditEntityOf, resolveContactScope, type ContactHistoryOf } from './resolve-contact-scope.ts'

export type ListContactHistoryInput = { viewer: SessionUser; of: ContactHistoryOf; query: ContactHistoryQuery }

/**
 * One page of a wave's or a program's contacts, newest first, addresses masked for the role. A page
 * of clients is a read of the client list: an audit event with the filter and the count, as the list writes.
 */
export async function listContactHistory(db: Kysely<Schema>, input: ListContactHistoryInput): Promise<ContactHistoryPage> {
  const { viewer, of, query } = input
  const scope = await resolveContactScope(db, of)
  // One more than asked tells whether a next page exists without counting the wave.
  const rows = await listContactHistoryPage(db, { scope, state: query.state, channel: query.channel, beforeId: query.before, limit: query.limit + 1 })
  const items = rows.slice(0, query.limit)
  await appendAuditEvent(db, {
    userId: viewer.id,
    login: viewer.login,
    action: 'client.list',
    ...auditEntityOf(of),
    details: { via: 'contacts', filter: { state: query.state, channel: query.channel, before: query.before }, shown: items.length },
  })
  return { items: items.map((row) => toContactHistoryLine(viewer.role, row)), next: rows.length > query.limit ? items[items.length - 1]!.id : null }
}

export function toContactHistoryLine(role: Role, row: ContactHistoryRow): ContactHistoryLine {
  const iso = (at: Date | null) => (at === null ? null : new Date(at).toISOString())
  return {
    ...row,
    address: maskContactAddress(role, row.channel, row.address),
    deliveredAt: iso(row.deliveredAt),
    queuedAt: iso(row.queuedAt),
    sentAt: iso(row.sentAt),
    updatedAt: new Date(row.updatedAt).toISOString(),
    nextAttemptAt: iso(row.nextAttemptAt),
  }
}
