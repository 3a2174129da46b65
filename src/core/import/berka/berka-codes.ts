// How Berka (PKDD'99) records are named in Otklik: see docs/berka-mapping.md.

/** The data set's own client ids get a prefix, so that they never collide with the bank's ids. */
export function berkaBankId(clientId: number): string {
  return `B${clientId}`
}

/** The data set has no names: a placeholder that says where the client came from. */
export function berkaClientName(clientId: number): string {
  return `Berka client ${clientId}`
}

/** 'central Bohemia' → 'CZ-CENTRAL-BOHEMIA'. */
export function berkaRegionCode(regionName: string): string {
  return `CZ-${regionName.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '')}`
}

/** One branch per district: district 1 → 'CZ-D01'. */
export function berkaBranchCode(districtId: number): string {
  return `CZ-D${String(districtId).padStart(2, '0')}`
}

/** Czech time (CET) for quiet hours. */
export const BERKA_UTC_OFFSET = 1

export const BERKA_PRODUCTS = [
  { code: 'BERKA_CURRENT', type: 'current_account', name: 'Current account (Berka)' },
  { code: 'BERKA_CARD_JUNIOR', type: 'debit_card', name: 'Junior card (Berka)' },
  { code: 'BERKA_CARD_CLASSIC', type: 'debit_card', name: 'Classic card (Berka)' },
  { code: 'BERKA_CARD_GOLD', type: 'credit_card', name: 'Gold card (Berka)' },
  { code: 'BERKA_LOAN', type: 'consumer_loan', name: 'Loan (Berka)' },
] as const

export const BERKA_CARD_PRODUCTS: Record<string, string> = {
  junior: 'BERKA_CARD_JUNIOR',
  classic: 'BERKA_CARD_CLASSIC',
  gold: 'BERKA_CARD_GOLD',
}

/** Holdings are numbered by their source: A(ccount), K (card), L(oan) and the data set's id. */
export const BERKA_ACCOUNT_PREFIX = { account: 'A', card: 'K', loan: 'L' } as const
