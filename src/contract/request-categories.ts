// What a special client request asks for (issue 10, item 5): a product or a condition the bank does
// not offer. A small list the branch picks from and the client economist corrects; its words are in
// web i18n (requestCategories.*). Append, never rename: stored requests keep their code.
export const REQUEST_CATEGORIES = [
  /** A rate, term, currency or top-up condition of deposits and savings. */
  'deposit_terms',
  /** Cashback, limits, a card type or design the bank has not. */
  'card_features',
  /** Loan and mortgage conditions: rate, term, early repayment, a purpose not lent for. */
  'lending_terms',
  /** Instruments and services for investors. */
  'investments',
  /** Something the app or internet bank cannot do. */
  'remote_banking',
  /** Fees and tariffs: a fee-free condition, a package. */
  'fees',
  /** How the client is served: hours, a branch, a language, a personal manager. */
  'service',
  /** A product the bank has not at all (insurance of a kind, safe deposit boxes, …). */
  'new_product',
  'other',
] as const
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number]

/** A request is a short text heard at the desk, as a note is. */
export const REQUEST_MAX_LENGTH = 2000
