import type { Kysely } from 'kysely'
import type { ClientRequestItem, ClientRequestPatch } from '../../contract/client-request-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { updateRequestCategory } from '../../db/stores/client-request-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { readClientRequest } from './read-client-request.ts'

export type CategoriseClientRequestInput = ClientRequestPatch & { id: number; viewer: SessionUser; now: Date }

/** The client economist's category (and product type) for a request, with who set it; audited with the old and new ones. */
export async function categoriseClientRequest(db: Kysely<Schema>, input: CategoriseClientRequestInput): Promise<ClientRequestItem> {
  await db.transaction().execute(async (trx) => {
    const before = await updateRequestCategory(trx, { id: input.id, category: input.category, productType: input.productType, by: input.viewer.login, at: input.now })
    if (!before) throw new DomainError('not_found', `No special request ${input.id}`, reason('client_request.not_found', { request: input.id }))
    await appendAuditEvent(trx, {
      userId: input.viewer.id, login: input.viewer.login, action: 'client_request.categorise', entity: 'client', entityId: String(before.clientId),
      details: { request: input.id, from: before.category, to: input.category, ...(input.productType !== undefined && { productType: input.productType }) },
    })
  })
  return readClientRequest(db, input.id)
}
