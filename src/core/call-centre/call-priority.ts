export type CallPriorityInput = { vip: boolean; propensityScore: number | null; segment: string }

const SEGMENT_WEIGHT: Record<string, number> = { private: 300, premium: 200, mass_affluent: 100, mass: 0 }

/**
 * A call task's priority, higher first: a VIP client before all others (a personal relationship
 * the bank protects), then the richer segments, then the offer's propensity score (0–1) in
 * hundredths. A whole number, so the SQL orders it exactly.
 */
export function callPriority(input: CallPriorityInput): number {
  const score = input.propensityScore === null ? 0 : Math.round(Math.min(Math.max(input.propensityScore, 0), 1) * 99)
  return (input.vip ? 1000 : 0) + (SEGMENT_WEIGHT[input.segment] ?? 0) + score
}
