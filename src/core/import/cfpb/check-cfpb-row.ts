import { reason, type Reason } from '../../../contract/reason-codes.ts'
import { isoDate } from '../parse-date-cell.ts'
import { cfpbCategory, CFPB_PRODUCTS } from './cfpb-category.ts'
import { CFPB_HEADERS, type CfpbField, type CfpbLayout } from './cfpb-formats.ts'

/** One complaint of a CFPB export, as Otklik keeps it (table market_complaints). */
export type CfpbComplaint = {
  receivedOn: string
  product: string
  subProduct: string | null
  issue: string | null
  subIssue: string | null
  narrative: string | null
  companyPublicResponse: string | null
  company: string
  state: string | null
  zipCode: string | null
  tags: string | null
  consumerConsent: string | null
  submittedVia: string | null
  sentOn: string | null
  companyResponse: string | null
  timely: boolean | null
  disputed: boolean | null
  complaintId: number | null
  categoryCode: string
}

export type CfpbRowCheck = { ok: true; complaint: CfpbComplaint } | { ok: false; message: string; reason: Reason }

class Refusal {
  constructor(readonly message: string, readonly reason: Reason) {}
}

// US exports write the month first (7/29/2013); the current one ISO dates (2023-07-29).
const MONTH_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.0+)?Z?)?$/
const COMPLAINT_ID = /^\d{1,15}$/
// The older export writes N/A where the question did not apply (before disputes were asked).
const NO_ANSWER = new Set(['', 'n/a'])

/** Checks one row of a CFPB export (its cells in the file's column order) against its layout. */
export function checkCfpbRow(layout: CfpbLayout, cells: readonly string[]): CfpbRowCheck {
  try {
    return { ok: true, complaint: readComplaint(layout, cells) }
  } catch (error) {
    if (!(error instanceof Refusal)) throw error
    return { ok: false, message: error.message, reason: error.reason }
  }
}

function readComplaint(layout: CfpbLayout, cells: readonly string[]): CfpbComplaint {
  const text = (field: CfpbField): string | null => {
    const at = layout.index[field]
    const value = at === undefined ? '' : (cells[at] ?? '').trim()
    if (value.includes('\u0000')) throw new Refusal(`column "${CFPB_HEADERS[field]}": the cell holds a NUL character`, reason('import.cfpb_nul_character', { column: CFPB_HEADERS[field] }))
    return value === '' ? null : value
  }
  const required = (field: CfpbField): string => {
    const value = text(field)
    if (value === null) throw new Refusal(`column "${CFPB_HEADERS[field]}": required, the cell is blank`, reason('import.cfpb_blank', { column: CFPB_HEADERS[field] }))
    return value
  }
  const product = required('product')
  const subProduct = text('sub_product')
  const issue = text('issue')
  const categoryCode = cfpbCategory({ product, subProduct, issue })
  if (categoryCode === undefined) {
    const known = CFPB_PRODUCTS.join('; ')
    throw new Refusal(`column "Product" "${product}": not a CFPB product Otklik maps to its categories; known: ${known}`, reason('import.cfpb_unknown_product', { column: CFPB_HEADERS.product, value: product, known }))
  }
  return {
    receivedOn: date('received_on', required('received_on'))!,
    product,
    subProduct,
    issue,
    subIssue: text('sub_issue'),
    narrative: text('narrative'),
    companyPublicResponse: text('company_public_response'),
    company: required('company'),
    state: text('state'),
    zipCode: text('zip_code'),
    tags: text('tags'),
    consumerConsent: text('consumer_consent'),
    submittedVia: text('submitted_via'),
    sentOn: date('sent_on', text('sent_on')),
    companyResponse: text('company_response'),
    timely: yesNo('timely', text('timely')),
    disputed: yesNo('disputed', text('disputed')),
    complaintId: layout.format === 'cfpb18' ? complaintId(required('complaint_id')) : null,
    categoryCode,
  }
}

function date(field: CfpbField, value: string | null): string | null {
  if (value === null) return null
  const us = MONTH_FIRST.exec(value)
  const iso = ISO.exec(value)
  const parsed = us ? isoDate(Number(us[3]), Number(us[1]), Number(us[2])) : iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined
  if (parsed === undefined) throw new Refusal(`column "${CFPB_HEADERS[field]}" "${value}": expected a date M/D/YYYY or YYYY-MM-DD`, reason('import.cfpb_bad_date', { column: CFPB_HEADERS[field], value }))
  return parsed
}

function yesNo(field: CfpbField, value: string | null): boolean | null {
  const answer = (value ?? '').toLowerCase()
  if (NO_ANSWER.has(answer)) return null
  if (answer === 'yes') return true
  if (answer === 'no') return false
  throw new Refusal(`column "${CFPB_HEADERS[field]}" "${value}": expected Yes, No or blank`, reason('import.cfpb_bad_yes_no', { column: CFPB_HEADERS[field], value }))
}

function complaintId(value: string): number {
  if (!COMPLAINT_ID.test(value)) throw new Refusal(`column "Complaint ID" "${value}": expected the CFPB's complaint number (digits only)`, reason('import.cfpb_bad_complaint_id', { column: CFPB_HEADERS.complaint_id, value }))
  return Number(value)
}
