import type { OfferStatus } from '../../../../src/contract/offer-schemas.ts'

export const OFFER_STATUS_COLOR: Record<OfferStatus, string> = { draft: 'gray', approved: 'teal', retired: 'dark' }
