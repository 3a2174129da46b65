import type { Kysely } from 'kysely'
import type { OfferDetail } from '../../contract/offer-schemas.ts'
import { OFFER_CHANNELS } from '../../contract/offer-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { findLatestOffer, listLatestOffers } from '../../db/stores/offer-store.ts'
import { offerView } from './offer-view.ts'

/** The newest version of an offer, with its templates. */
export async function viewOffer(db: Kysely<Schema>, code: string): Promise<OfferDetail> {
  const latest = await findLatestOffer(db, code)
  if (!latest) throw new DomainError('not_found', `No offer ${code}`, reason('offer.not_found', { offer: code }))
  return offerView(latest)
}

/** The catalogue: every offer's newest version, with the channels it has templates for. */
export async function listOffers(db: Kysely<Schema>) {
  const versions = await listLatestOffers(db)
  return {
    items: versions.map(({ templates, terms: _terms, ...version }) => {
      const { id: _id, ...item } = version
      return { ...item, channels: OFFER_CHANNELS.filter((channel) => templates.some((t) => t.channel === channel)) }
    }),
  }
}
