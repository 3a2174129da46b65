import type { ProductType } from './product-types.ts'

// The bank's tree of complaint categories (DESIGN.md glossary: complaint): a top category and its
// leaves, codes `top` or `top.leaf`. A complaint is filed under a leaf or, when nothing finer is
// known, under its top category. The product a category concerns, where it has one, lets the
// analysis count complaints by product. Words for both languages live in web/src/i18n
// (complaints.categories.<code>) and in the CLI's messages; codes are never renamed (stored rows and
// SLA settings refer to them): a new category is appended.

export type ComplaintCategory = { code: string; parent: string | null; product: ProductType | null }

const top = (code: string, product: ProductType | null = null): ComplaintCategory => ({ code, parent: null, product })
const leaf = (parent: string, name: string, product: ProductType | null = null): ComplaintCategory => ({ code: `${parent}.${name}`, parent, product })

export const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = [
  top('service_quality'),
  leaf('service_quality', 'waiting'),
  leaf('service_quality', 'branch'),
  leaf('service_quality', 'call_centre'),
  top('fees'),
  leaf('fees', 'commission'),
  leaf('fees', 'interest'),
  top('cards', 'debit_card'),
  leaf('cards', 'fraud', 'debit_card'),
  leaf('cards', 'blocked', 'debit_card'),
  leaf('cards', 'credit_card', 'credit_card'),
  top('loans', 'consumer_loan'),
  leaf('loans', 'terms', 'consumer_loan'),
  leaf('loans', 'collection', 'consumer_loan'),
  leaf('loans', 'mortgage', 'mortgage'),
  leaf('loans', 'car_loan', 'car_loan'),
  top('deposits', 'term_deposit'),
  leaf('deposits', 'rates', 'term_deposit'),
  leaf('deposits', 'closure', 'term_deposit'),
  top('accounts', 'current_account'),
  leaf('accounts', 'operations', 'current_account'),
  leaf('accounts', 'transfers', 'current_account'),
  top('remote_banking', 'remote_banking'),
  leaf('remote_banking', 'app', 'remote_banking'),
  leaf('remote_banking', 'notifications', 'remote_banking'),
  top('staff'),
  leaf('staff', 'behaviour'),
  leaf('staff', 'mis_selling'),
  top('credit_history'),
  leaf('credit_history', 'errors'),
  top('other'),
]

export const COMPLAINT_CATEGORY_CODES = COMPLAINT_CATEGORIES.map((category) => category.code)

const byCode = new Map(COMPLAINT_CATEGORIES.map((category) => [category.code, category]))

export function findComplaintCategory(code: string): ComplaintCategory | undefined {
  return byCode.get(code)
}

/** The top category of a code (itself for a top one). */
export function topComplaintCategory(code: string): string {
  return byCode.get(code)?.parent ?? code
}

// Where a complaint came from (issue 10: a branch, the call centre, the web form, a letter, a
// regulator's referral) and an imported file (a CFPB export, a core-banking extract).
export const COMPLAINT_CHANNELS = ['branch', 'call_centre', 'web', 'letter', 'regulator', 'file'] as const
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number]

export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number]
