/** An offer version's status: a draft, approved by the head or a manager (four eyes), or retired for good. */
export const OFFER_STATUSES = ['draft', 'approved', 'retired'] as const
export type OfferStatus = (typeof OFFER_STATUSES)[number]
