import type { Kysely } from 'kysely'
import type { ClientRequestBody, ClientRequestItem } from '../../contract/client-request-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findRequestClient, insertClientRequests } from '../../db/stores/client-request-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { requireClientInScope } from '../clients/client-access-of.ts'
import { readClientRequest } from './read-client-request.ts'

export type RecordClientRequestInput = ClientRequestBody & { author: SessionUser; clientId: number; now: Date }

/**
 * Records a special request of a client in the author's scope: heard at the author's branch (a
 * head-office author's request goes to the client's branch), with the client's segment of today.
 * The audit event names the category, never the text.
 */
export async function recordClientRequest(db: Kysely<Schema>, input: RecordClientRequestInput): Promise<ClientRequestItem> {
  const { author, clientId } = input
  const id = await db.transaction().execute(async (trx) => {
    await requireClientInScope(trx, author, clientId)
    const client = (await findRequestClient(trx, clientId))!
    const [id] = await insertClientRequests(trx, [{
      clientId, branchId: author.branchId ?? client.branchId, segment: client.segment, body: input.body, productType: input.productType,
      category: input.category, authorId: author.id, authorLogin: author.login, createdAt: input.now,
    }])
    await appendAuditEvent(trx, {
      userId: author.id, login: author.login, action: 'client_request.create', entity: 'client', entityId: String(clientId),
      details: { request: id, category: input.category, productType: input.productType },
    })
    return id!
  })
  return readClientRequest(db, id)
}
