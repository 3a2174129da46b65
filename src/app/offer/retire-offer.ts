import type { Kysely } from 'kysely'
import type { OfferDetail } from '../../contract/offer-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findLatestOffer, retireOfferVersion } from '../../db/stores/offer-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { offerView } from './offer-view.ts'

export type RetireOfferInput = { code: string; version?: number; comment?: string; actor: SessionUser; now: Date }

/**
 * Retires an offer for good: it is written onto the newest version, and from then on no program
 * may name it, no one may edit or approve it, and no wave sends it (findProgramOffer: not
 * approved). No four eyes: four eyes guard what reaches clients, and retiring only stops an offer
 * from reaching them — so its author (the marketer) may retire it, as may the head and managers
 * who approve. The version the user read, when given, must still be the newest.
 */
export async function retireOffer(db: Kysely<Schema>, input: RetireOfferInput): Promise<OfferDetail> {
  return db.transaction().execute(async (tx) => {
    const latest = await findLatestOffer(tx, input.code, { lock: true })
    if (!latest) throw new DomainError('not_found', `No offer ${input.code}`, reason('offer.not_found', { offer: input.code }))
    if (latest.status === 'retired') throw new DomainError('conflict', `Offer ${input.code} is retired already`, reason('offer.already_retired', { offer: input.code }))
    if (input.version !== undefined && input.version !== latest.version) {
      throw new DomainError('conflict', `Offer ${input.code} is at version ${latest.version}, not ${input.version}`, reason('offer.changed_since_read', { version: latest.version }))
    }
    await retireOfferVersion(tx, { id: latest.id, actor: input.actor, at: input.now })
    await appendAuditEvent(tx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'offer.retire',
      entity: 'offer',
      entityId: input.code,
      details: { version: latest.version, wasApproved: latest.status === 'approved', ...(input.comment && { comment: input.comment }) },
    })
    return offerView((await findLatestOffer(tx, input.code))!)
  })
}
