// One client's row of the selection profile, as the engines read it (column names as in SQL).
export type ProfileRow = {
  client_id: number
  birth_date: string | null
  gender: string | null
  region_code: string | null
  branch_code: string | null
  segment: string
  income: number | null
  client_since: string | null
  status: string
  vip: boolean
  do_not_contact: boolean
  product_mask: number
  type_mask: number
  product_count: number
  deposit_balance: number
  loan_balance: number
  credit_limit: number
  last_opened_on: string | null
  last_closed_on: string | null
  turnover_1m: number
  turnover_3m: number
  turnover_12m: number
  transactions_1m: number
  transactions_3m: number
  turnover_trend: number | null
  consent_email: boolean
  consent_sms: boolean
  consent_call: boolean
  consent_letter: boolean
  last_contact_on: string | null
  last_email_contact_on: string | null
  last_sms_contact_on: string | null
  last_call_contact_on: string | null
  last_letter_contact_on: string | null
  last_response_on: string | null
  has_open_complaint: boolean
  last_complaint_on: string | null
  churn_score: number | null
  propensity_score: number | null
}
