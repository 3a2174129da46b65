import type { Kysely } from 'kysely'
import type { ClientRequestItem } from '../../contract/client-request-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { listClientRequests } from '../../db/stores/client-request-store.ts'

/** One request as the list shows it, for the answer of a change; the caller has checked who may see it. */
export async function readClientRequest(db: Kysely<Schema>, id: number): Promise<ClientRequestItem> {
  const timeZone = await readBankTimeZone(db)
  const { items } = await listClientRequests(db, { scope: { kind: 'bank' }, timeZone, id, limit: 1, offset: 0 })
  if (!items[0]) throw new DomainError('not_found', `No special request ${id}`, reason('client_request.not_found', { request: id }))
  return items[0]
}
