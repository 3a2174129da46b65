/**
 * Everything dated the bank knows about one client that churn is decided and predicted from
 * (app/churn reads it page by page): the products with their open and close dates, the monthly
 * activity, the complaints and the branch notes of competitor offers. Dates are ISO days; a
 * month is its first day. Balances are left out on purpose: the bank keeps only today's.
 */
export type ClientChurnFacts = {
  clientId: number
  /** clients.status: a deceased client is neither churned nor scored. */
  status: string
  birthDate: string | null
  clientSince: string | null
  gender: string | null
  segment: string
  income: number | null
  vip: boolean
  /** The reason the client gave when leaving, if the bank recorded one (clients.status_reason). */
  statedReason: string | null
  holdings: readonly { productCode: string; productType: string; openedAt: string; closedAt: string | null }[]
  activity: readonly { month: string; turnover: number; transactions: number; mobileLogins: number }[]
  complaints: readonly { receivedOn: string }[]
  competitorNotes: readonly { createdOn: string; body: string }[]
}
