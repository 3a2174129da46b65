// A product idea on the client economist's board (issue 10, item 5): studied on the evidence of
// branch requests, proposed to the product owners, accepted or rejected. Its status moves by one
// table; a move outside it is refused (409) naming the moves allowed.
export const PRODUCT_IDEA_STATUSES = ['new', 'studying', 'proposed', 'accepted', 'rejected'] as const
export type ProductIdeaStatus = (typeof PRODUCT_IDEA_STATUSES)[number]

/** A proposal sent back is studied again; a rejected idea is reopened when new evidence comes; an accepted one is done. */
export const PRODUCT_IDEA_MOVES: Record<ProductIdeaStatus, readonly ProductIdeaStatus[]> = {
  new: ['studying', 'rejected'],
  studying: ['proposed', 'rejected'],
  proposed: ['accepted', 'rejected', 'studying'],
  accepted: [],
  rejected: ['studying'],
}
