// The kinds of the bank's products. The order is part of the selection profile: a client's
// `type_mask` has bit i set when they hold a product of PRODUCT_TYPES[i] (append, never reorder).
export const PRODUCT_TYPES = [
  'current_account',
  'debit_card',
  'credit_card',
  'consumer_loan',
  'car_loan',
  'mortgage',
  'term_deposit',
  'savings_account',
  'investment',
  'insurance',
  'remote_banking',
] as const
export type ProductType = (typeof PRODUCT_TYPES)[number]
