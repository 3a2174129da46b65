import type { SEGMENTS } from '../../contract/segments.ts'

export type Segment = (typeof SEGMENTS)[number]

export type DemoSegmentInput = { monthlyIncome: number | null; balances: number }

// *Typical* thresholds (DOMAIN.md): premium from a few million roubles with the bank, private
// banking from thirty; a high income alone also qualifies.
const THRESHOLDS: readonly { segment: Segment; balances: number; income: number }[] = [
  { segment: 'private', balances: 30_000_000, income: 1_500_000 },
  { segment: 'premium', balances: 3_000_000, income: 400_000 },
  { segment: 'mass_affluent', balances: 600_000, income: 120_000 },
]

/** The segment a bank gives a client by monthly income and the money the client keeps with it. */
export function demoSegment(input: DemoSegmentInput): Segment {
  const income = input.monthlyIncome ?? 0
  for (const t of THRESHOLDS) if (input.balances >= t.balances || income >= t.income) return t.segment
  return 'mass'
}
