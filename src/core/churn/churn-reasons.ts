import type { ChurnSignal } from '../../contract/churn-schemas.ts'
import { addMonths } from '../selection/calendar.ts'
import type { ChurnStatus } from './churn-of.ts'
import type { ClientChurnFacts } from './client-churn-facts.ts'

export type ChurnReasons = {
  signals: ChurnSignal[]
  /** Complaints received in the months before the churn date (and up to it). */
  complaints: number
  /** The branch notes of competitor offers in those months, their text. */
  competitorNotes: string[]
  /** The products closed in those months, by code, as many times as closed. */
  productsClosed: string[]
}

/**
 * What the bank knows about why a churned client left: what happened in the `months` before the
 * churn date — a complaint, a competitor's offer a branch heard of, products closed — and the
 * reason the client gave, if any.
 */
export function churnReasons(facts: ClientChurnFacts, status: ChurnStatus, months: number): ChurnReasons {
  const from = addMonths(status.churnedOn, -months)
  const inWindow = (day: string) => day >= from && day <= status.churnedOn
  const complaints = facts.complaints.filter((c) => inWindow(c.receivedOn)).length
  const competitorNotes = facts.competitorNotes.filter((n) => inWindow(n.createdOn)).map((n) => n.body)
  const productsClosed = facts.holdings.filter((h) => h.closedAt !== null && inWindow(h.closedAt)).map((h) => h.productCode).sort()
  const signals: ChurnSignal[] = []
  if (complaints > 0) signals.push('complaint')
  if (competitorNotes.length > 0) signals.push('competitor_offer')
  if (facts.statedReason) signals.push('stated_reason')
  return { signals, complaints, competitorNotes, productsClosed }
}
