import { reason } from '../../../contract/reason-codes.ts'
import { DomainError } from '../../domain-error.ts'

// The CFPB consumer-complaint exports Otklik reads (https://www.consumerfinance.gov/data-research/
// consumer-complaints/, docs/cfpb-mapping.md). The older export has 14 columns and M/D/YYYY dates;
// the current one adds the narrative, the company's public response, tags and the Complaint ID, with
// ISO dates. They are told apart by their headers, in any order; other columns are ignored.

export const CFPB_FORMATS = ['cfpb14', 'cfpb18'] as const
export type CfpbFormat = (typeof CFPB_FORMATS)[number]

export const CFPB_FIELDS = [
  'received_on',
  'product',
  'sub_product',
  'issue',
  'sub_issue',
  'narrative',
  'company_public_response',
  'company',
  'state',
  'zip_code',
  'tags',
  'consumer_consent',
  'submitted_via',
  'sent_on',
  'company_response',
  'timely',
  'disputed',
  'complaint_id',
] as const
export type CfpbField = (typeof CFPB_FIELDS)[number]

/** The header of each field, as the CFPB spells it (the current export's order). */
export const CFPB_HEADERS: Record<CfpbField, string> = {
  received_on: 'Date received',
  product: 'Product',
  sub_product: 'Sub-product',
  issue: 'Issue',
  sub_issue: 'Sub-issue',
  narrative: 'Consumer complaint narrative',
  company_public_response: 'Company public response',
  company: 'Company',
  state: 'State',
  zip_code: 'ZIP code',
  tags: 'Tags',
  consumer_consent: 'Consumer consent provided?',
  submitted_via: 'Submitted via',
  sent_on: 'Date sent to company',
  company_response: 'Company response to consumer',
  timely: 'Timely response?',
  disputed: 'Consumer disputed?',
  complaint_id: 'Complaint ID',
}

/** The fields only the current export has. */
const CURRENT_ONLY: readonly CfpbField[] = ['narrative', 'company_public_response', 'tags', 'complaint_id']

export const CFPB_FORMAT_FIELDS: Record<CfpbFormat, readonly CfpbField[]> = {
  cfpb14: CFPB_FIELDS.filter((field) => !CURRENT_ONLY.includes(field)),
  cfpb18: CFPB_FIELDS,
}

export type CfpbLayout = { format: CfpbFormat; index: Record<CfpbField, number | undefined> }

const normal = (header: string) => header.trim().toLowerCase()

/**
 * Which export a header is, and where each field's column is. A header with a Complaint ID is held
 * to the current export; without, to the older one; a column missing fails the whole file, naming it.
 */
export function detectCfpbFormat(headers: readonly string[]): CfpbLayout {
  const at = new Map(headers.map((header, i) => [normal(header), i] as const).reverse()) // the first of repeated headers
  const format: CfpbFormat = at.has(normal(CFPB_HEADERS.complaint_id)) ? 'cfpb18' : 'cfpb14'
  const missing = CFPB_FORMAT_FIELDS[format].filter((field) => !at.has(normal(CFPB_HEADERS[field]))).map((field) => CFPB_HEADERS[field])
  if (missing.length > 0) {
    const columns = missing.join(', ')
    throw new DomainError('import_failed', `not a CFPB complaint export (${format === 'cfpb18' ? '18' : '14'} columns): the header lacks ${columns}`, reason('import.cfpb_bad_header', { format, columns }))
  }
  const index = Object.fromEntries(CFPB_FIELDS.map((field) => [field, at.get(normal(CFPB_HEADERS[field]))])) as CfpbLayout['index']
  return { format, index }
}
