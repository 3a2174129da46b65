// Otklik's complaint category (contract/complaint-categories.ts) for a CFPB complaint, from its
// product, refined by its sub-product and then its issue: the issue says best what went wrong (a
// fee, a fraud, a wrong credit report), the sub-product what it concerns (a savings account is a
// deposit). Both the older product names (2011–2017) and the current ones are here; the table is
// documented in docs/cfpb-mapping.md, which a test holds equal to it. A product not here is
// refused: mapping it to `other` would hide it in the counts.

type ProductRule = {
  product: string
  category: string
  subProducts?: Readonly<Record<string, string>>
  issues?: Readonly<Record<string, string>>
}

const ACCOUNT_SUB_PRODUCTS = {
  '(CD) Certificate of deposit': 'deposits',
  'CD (Certificate of Deposit)': 'deposits',
  'Savings account': 'deposits',
}

const ACCOUNT_ISSUES = {
  'Using a debit or ATM card': 'cards',
  'Deposits and withdrawals': 'accounts.operations',
  'Making/receiving payments, sending money': 'accounts.transfers',
  'Problems caused by my funds being low': 'fees.commission',
  'Problem caused by your funds being low': 'fees.commission',
  'Problem with a lender or other company charging your account': 'accounts.operations',
}

const CARD_ISSUES = {
  'APR or interest rate': 'fees.interest',
  'Late fee': 'fees.commission',
  'Other fee': 'fees.commission',
  'Fees or interest': 'fees.interest',
  'Identity theft / Fraud / Embezzlement': 'cards.fraud',
  'Customer service / Customer relations': 'service_quality',
}

const REPORT_ISSUES = {
  'Incorrect information on credit report': 'credit_history.errors',
  'Incorrect information on your report': 'credit_history.errors',
}

const VEHICLE = { 'Vehicle loan': 'loans.car_loan', 'Vehicle lease': 'loans.car_loan' }

export const CFPB_PRODUCT_RULES: readonly ProductRule[] = [
  { product: 'Bank account or service', category: 'accounts', subProducts: ACCOUNT_SUB_PRODUCTS, issues: ACCOUNT_ISSUES },
  { product: 'Checking or savings account', category: 'accounts', subProducts: ACCOUNT_SUB_PRODUCTS, issues: ACCOUNT_ISSUES },
  { product: 'Credit card', category: 'cards.credit_card', issues: CARD_ISSUES },
  { product: 'Credit card or prepaid card', category: 'cards.credit_card', issues: CARD_ISSUES },
  { product: 'Prepaid card', category: 'cards' },
  { product: 'Credit reporting', category: 'credit_history', issues: REPORT_ISSUES },
  { product: 'Credit reporting, credit repair services, or other personal consumer reports', category: 'credit_history', issues: REPORT_ISSUES },
  { product: 'Credit reporting or other personal consumer reports', category: 'credit_history', issues: REPORT_ISSUES },
  { product: 'Debt collection', category: 'loans.collection' },
  { product: 'Mortgage', category: 'loans.mortgage' },
  { product: 'Consumer Loan', category: 'loans.terms', subProducts: VEHICLE },
  { product: 'Vehicle loan or lease', category: 'loans.car_loan' },
  { product: 'Payday loan', category: 'loans.terms' },
  { product: 'Payday loan, title loan, or personal loan', category: 'loans.terms' },
  { product: 'Payday loan, title loan, personal loan, or advance loan', category: 'loans.terms' },
  { product: 'Student loan', category: 'loans.terms' },
  { product: 'Money transfers', category: 'accounts.transfers' },
  { product: 'Money transfer, virtual currency, or money service', category: 'accounts.transfers' },
  { product: 'Virtual currency', category: 'accounts.transfers' },
  { product: 'Other financial service', category: 'other' },
  { product: 'Debt or credit management', category: 'other' },
]

/** The products a file may name, as the CFPB spells them. */
export const CFPB_PRODUCTS = CFPB_PRODUCT_RULES.map((rule) => rule.product)

// Names are compared without case and surrounding spaces: exports differ in both.
const key = (name: string) => name.trim().toLowerCase()
const lowerKeys = (table: Readonly<Record<string, string>> = {}) => new Map(Object.entries(table).map(([name, code]) => [key(name), code]))
const rules = new Map(CFPB_PRODUCT_RULES.map((rule) => [key(rule.product), { ...rule, subProducts: lowerKeys(rule.subProducts), issues: lowerKeys(rule.issues) }]))

export type CfpbCategoryInput = { product: string; subProduct: string | null; issue: string | null }

/** The category code, or undefined when the product is not one of CFPB_PRODUCTS. */
export function cfpbCategory({ product, subProduct, issue }: CfpbCategoryInput): string | undefined {
  const rule = rules.get(key(product))
  if (!rule) return undefined
  return (issue && rule.issues.get(key(issue))) || (subProduct && rule.subProducts.get(key(subProduct))) || rule.category
}
