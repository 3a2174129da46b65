import type { Kysely } from 'kysely'
import type { OfferDetail, ReplaceOfferBody } from '../../contract/offer-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findLatestOffer, insertOfferVersion } from '../../db/stores/offer-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { checkOfferVersion } from './create-offer.ts'
import { offerView } from './offer-view.ts'

/**
 * PUT /api/offers/:code: the whole offer as its next version, a draft — so an edit of an approved
 * offer voids the approval until the head or a manager approves the new version. The version the
 * author read, when given, must still be the newest (409 offer.changed_since_read otherwise).
 */
export async function replaceOffer(db: Kysely<Schema>, input: { code: string; body: ReplaceOfferBody; actor: SessionUser }): Promise<OfferDetail> {
  const { version: read, ...content } = input.body
  await checkOfferVersion(db, content)
  return db.transaction().execute(async (tx) => {
    const latest = await findLatestOffer(tx, input.code, { lock: true })
    if (!latest) throw new DomainError('not_found', `No offer ${input.code}`, reason('offer.not_found', { offer: input.code }))
    if (latest.status === 'retired') throw new DomainError('conflict', `Offer ${input.code} is retired`, reason('offer.retired', { offer: input.code }))
    if (read !== undefined && read !== latest.version) {
      throw new DomainError('conflict', `Offer ${input.code} is at version ${latest.version}, not ${read}`, reason('offer.changed_since_read', { version: latest.version }))
    }
    const version = latest.version + 1
    // Two edits at once both lock the version they read; the second to insert finds its number taken.
    if ((await insertOfferVersion(tx, { code: input.code, version, content, author: input.actor })) === undefined) {
      throw new DomainError('conflict', `Offer ${input.code} got version ${version} from another edit`, reason('offer.changed_since_read', { version }))
    }
    await appendAuditEvent(tx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'offer.update',
      entity: 'offer',
      entityId: input.code,
      details: { version, voidedApproval: latest.status === 'approved' },
    })
    return offerView((await findLatestOffer(tx, input.code))!)
  })
}
