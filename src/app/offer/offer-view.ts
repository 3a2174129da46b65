import type { OfferDetail } from '../../contract/offer-schemas.ts'
import type { OfferVersion } from '../../db/stores/offer-store.ts'

/** An offer's version as the API answers it (contract/offer-schemas.ts offerDetail). */
export function offerView(version: OfferVersion): OfferDetail {
  const { id: _id, ...detail } = version
  return detail
}
