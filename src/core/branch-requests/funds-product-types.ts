import type { ProductType } from '../../contract/product-types.ts'

/**
 * The products that hold a client's own money with the bank. An idea's worth is the sum of its
 * requesting clients' balances on these (contract/product-idea-schemas.ts, productIdeaEvidence):
 * the funds at stake if a competitor offers what they asked for. A loan's balance is the client's
 * debt, not their money, and insurance holds none.
 */
export const FUNDS_PRODUCT_TYPES: readonly ProductType[] = ['current_account', 'debit_card', 'term_deposit', 'savings_account', 'investment']
