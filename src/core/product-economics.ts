import type { Role } from '../contract/roles.ts'

// The bank's economics of a product — its internal funds-transfer rate, probability of default,
// loss given default and expected lifetime — are for the roles that build and judge business
// cases (and the admin who keeps the catalogue). The front line and the marketer get what they
// tell a client: the product, its client rate and fee.
export const PRODUCT_ECONOMICS_FIELDS = ['ftpRate', 'probabilityOfDefault', 'lossGivenDefault', 'lifetimeMonths'] as const
export type ProductEconomicsField = (typeof PRODUCT_ECONOMICS_FIELDS)[number]

const PRODUCT_ECONOMICS_READERS: readonly Role[] = ['head', 'manager', 'client_economist', 'analyst', 'program_economist', 'admin']

export function canSeeProductEconomics(role: Role): boolean {
  return PRODUCT_ECONOMICS_READERS.includes(role)
}

/** The product as the role may see it: the economics fields left out, not masked. */
export function productForRole<T extends Record<ProductEconomicsField, unknown>>(role: Role, product: T): T | Omit<T, ProductEconomicsField> {
  if (canSeeProductEconomics(role)) return product
  const shown: Partial<T> = { ...product }
  for (const field of PRODUCT_ECONOMICS_FIELDS) delete shown[field]
  return shown as Omit<T, ProductEconomicsField>
}
