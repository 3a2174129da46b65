import type { Kysely } from 'kysely'
import type { ClientRequestList, ClientRequestListQuery } from '../../contract/client-request-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { listClientRequests } from '../../db/stores/client-request-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { clientAccessOf } from '../clients/client-access-of.ts'

/**
 * The special requests the viewer may see, newest first: branch staff those of their scope's
 * clients (core/client-scope.ts), the office the bank's. The rows name clients but carry none of
 * their personal fields, so there is nothing to mask; the read is audited as a list of clients.
 */
export async function listRequests(db: Kysely<Schema>, viewer: SessionUser, query: ClientRequestListQuery): Promise<ClientRequestList> {
  const { scope } = await clientAccessOf(db, viewer)
  const { client, branch, limit, offset, ...filters } = query
  const list = await listClientRequests(db, { ...filters, clientId: client, branchId: branch, scope, timeZone: await readBankTimeZone(db), limit, offset })
  await appendAuditEvent(db, { userId: viewer.id, login: viewer.login, action: 'client.list', details: { via: 'requests', count: list.items.length, ...(client && { client }) } })
  return list
}
