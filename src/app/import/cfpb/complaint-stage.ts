import type { CfpbComplaint } from '../../../core/import/cfpb/check-cfpb-row.ts'
import type { CfpbFormat } from '../../../core/import/cfpb/cfpb-formats.ts'
import { MARKET_COMPLAINT_COLUMNS } from '../../../db/stores/market-complaint-store.ts'
import type { StageColumn } from '../../../db/stores/import-stage-store.ts'
import { stageLine } from '../import-stage-columns.ts'

type Column = (typeof MARKET_COMPLAINT_COLUMNS)[number]

const TYPES: Partial<Record<Column, StageColumn['type']>> = {
  complaint_id: 'bigint', received_on: 'date', sent_on: 'date', timely: 'boolean', disputed: 'boolean',
}

/** The staging table of a complaint file: the row's line, then the table's columns. */
export const COMPLAINT_STAGE_COLUMNS: readonly StageColumn[] = [
  { name: 'line', type: 'integer' },
  ...MARKET_COMPLAINT_COLUMNS.map((name) => ({ name, type: TYPES[name] ?? 'text' })),
]

export type StagedComplaint = { line: number; key: string; format: CfpbFormat; complaint: CfpbComplaint }

/** One checked complaint as a line of COPY CSV, in COMPLAINT_STAGE_COLUMNS' order. */
export function complaintStageLine({ line, key, format, complaint: c }: StagedComplaint): string {
  const values: Record<Column, string | number | boolean | null> = {
    source_key: key, format, complaint_id: c.complaintId, received_on: c.receivedOn, product: c.product,
    sub_product: c.subProduct, issue: c.issue, sub_issue: c.subIssue, narrative: c.narrative,
    company_public_response: c.companyPublicResponse, company: c.company, state: c.state, zip_code: c.zipCode,
    tags: c.tags, consumer_consent: c.consumerConsent, submitted_via: c.submittedVia, sent_on: c.sentOn,
    company_response: c.companyResponse, timely: c.timely, disputed: c.disputed, category_code: c.categoryCode,
  }
  return stageLine([line], MARKET_COMPLAINT_COLUMNS.map((name) => (values[name] === null ? null : String(values[name]))))
}
