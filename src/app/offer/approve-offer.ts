import type { Kysely } from 'kysely'
import type { OfferDetail } from '../../contract/offer-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { approveOfferVersion, findLatestOffer } from '../../db/stores/offer-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { offerView } from './offer-view.ts'

/**
 * Approves the newest version of an offer (the route lets only the head and managers call it). Four
 * eyes: the author of that version cannot approve it (409 offer.four_eyes); only a draft is
 * approved; the version the approver read, when given, must still be the newest.
 */
export async function approveOffer(db: Kysely<Schema>, input: { code: string; version?: number; actor: SessionUser; now: Date }): Promise<OfferDetail> {
  return db.transaction().execute(async (tx) => {
    const latest = await findLatestOffer(tx, input.code, { lock: true })
    if (!latest) throw new DomainError('not_found', `No offer ${input.code}`, reason('offer.not_found', { offer: input.code }))
    if (latest.status === 'retired') throw new DomainError('conflict', `Offer ${input.code} is retired`, reason('offer.retired', { offer: input.code }))
    if (input.version !== undefined && input.version !== latest.version) {
      throw new DomainError('conflict', `Offer ${input.code} is at version ${latest.version}, not ${input.version}`, reason('offer.changed_since_read', { version: latest.version }))
    }
    if (latest.status !== 'draft') throw new DomainError('conflict', `Offer ${input.code} is ${latest.status}`, reason('offer.not_approvable', { status: latest.status }))
    const author = latest.createdBy
    if (author.id === input.actor.id || author.login === input.actor.login) {
      throw new DomainError('conflict', `Four eyes: ${author.login} wrote version ${latest.version}`, reason('offer.four_eyes', { login: author.login }))
    }
    await approveOfferVersion(tx, { id: latest.id, approver: input.actor, at: input.now })
    await appendAuditEvent(tx, { userId: input.actor.id, login: input.actor.login, action: 'offer.approve', entity: 'offer', entityId: input.code, details: { version: latest.version } })
    return offerView((await findLatestOffer(tx, input.code))!)
  })
}
