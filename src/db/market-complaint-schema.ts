import type { ColumnType, Generated } from 'kysely'

type DateOnly = ColumnType<string, string, string>

/** Complaints of CFPB exports (migration 0031): market complaints, not the bank's clients'. */
export type MarketComplaintTable = {
  id: Generated<number>
  source_key: string
  format: string
  complaint_id: number | null
  received_on: DateOnly
  product: string
  sub_product: string | null
  issue: string | null
  sub_issue: string | null
  narrative: string | null
  company_public_response: string | null
  company: string
  state: string | null
  zip_code: string | null
  tags: string | null
  consumer_consent: string | null
  submitted_via: string | null
  sent_on: DateOnly | null
  company_response: string | null
  timely: boolean | null
  disputed: boolean | null
  category_code: string
  import_id: number
}

export type MarketComplaintSchema = { market_complaints: MarketComplaintTable }
