import type { Kysely } from 'kysely'
import type { CreateOfferBody, OfferContent, OfferDetail } from '../../contract/offer-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { checkOfferContent } from '../../core/offer/check-offer-content.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findLatestOffer, insertOfferVersion, offerCodeExists, productExists } from '../../db/stores/offer-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { offerView } from './offer-view.ts'

/** Checks what the marketer wrote: the content (core/offer/check-offer-content.ts), then the product in the catalogue. */
export async function checkOfferVersion(db: Kysely<Schema>, content: OfferContent): Promise<void> {
  checkOfferContent(content)
  if (content.product && !(await productExists(db, content.product))) {
    throw new DomainError('invalid_input', `product: no product ${content.product}`, reason('offer.unknown_product', { field: 'product', product: content.product }))
  }
}

/** A new offer: version 1, a draft, with its templates, and an audit event, in one transaction. */
export async function createOffer(db: Kysely<Schema>, input: { body: CreateOfferBody; actor: SessionUser }): Promise<OfferDetail> {
  const { code, ...content } = input.body
  await checkOfferVersion(db, content)
  return db.transaction().execute(async (tx) => {
    const taken = () => new DomainError('conflict', `Offer code ${code} is taken`, reason('offer.code_taken', { offer: code }))
    if (await offerCodeExists(tx, code)) throw taken()
    // Two marketers creating the same code at once: the unique key decides, the second gets the same 409.
    if ((await insertOfferVersion(tx, { code, version: 1, content, author: input.actor })) === undefined) throw taken()
    await appendAuditEvent(tx, { userId: input.actor.id, login: input.actor.login, action: 'offer.create', entity: 'offer', entityId: code, details: { version: 1 } })
    return offerView((await findLatestOffer(tx, code))!)
  })
}
