import type { Kysely } from 'kysely'
import type { LeadOutcome } from '../../contract/lead-statuses.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import type { Schema } from '../../db/schema.ts'
import { insertAppResponse, type AppResponseRow } from '../../db/stores/lead-store.ts'

/**
 * The response type each thing a client does counts as (contract/response-types.ts, the sources):
 * a click on the offer's link is a visit — the client looked; an interested call or an SMS reply
 * is a reply; an agreed call is an application — the client asked for the product. A product
 * actually opened is a conversion, which the bank's own files bring.
 */
export const RESPONSE_TYPE_OF: Record<LeadOutcome, ResponseType> = { click: 'visit', interested: 'reply', reply: 'reply', agreed: 'application' }

export type AppResponseEvent = Omit<AppResponseRow, 'type'>

/**
 * A response the app saw itself, with its lead for the client's manager or branch, in the caller's
 * transaction. The same event recorded twice (a second report of a call, the gateway's retry of a
 * reply) adds nothing: the response is one per its natural key, the lead one per event.
 */
export async function recordAppResponse(tx: Kysely<Schema>, event: AppResponseEvent): Promise<boolean> {
  return insertAppResponse(tx, { ...event, type: RESPONSE_TYPE_OF[event.outcome] })
}
