import { overallOrder } from '../stats/overall-order.ts'

export type IncrementalProfitCurveInput = {
  /** Each client's predicted uplift: the change in response probability the contact brings. */
  scores: readonly number[]
  /** What one incremental response earns (the product's margin over its lifetime), ₽. */
  marginPerResponse: number
  /** What one contact costs, ₽. */
  costPerContact: number
  /** Points of the curve besides its start: one per 1/steps of the clients (default 100). */
  steps?: number
}

/** A point of the curve: the best `clients` by score targeted, `share` of all, and the profit expected. */
export type ProfitPoint = { share: number; clients: number; profit: number }

export type IncrementalProfitCurve = {
  points: ProfitPoint[]
  /** The score below which a contact costs more than it is expected to earn: cost / margin. */
  breakEvenScore: number
  /** Targeting every client whose score is at least breakEvenScore, best first: the most profit. */
  best: ProfitPoint
}

/**
 * Value-based targeting: a client's expected incremental profit is score × margin − contact cost;
 * targeting the best first by score, the running sum by the share targeted is the curve. It rises
 * while scores are above cost / margin (the break-even cut-off) and falls after, so its top is at
 * that cut-off. Negative scores (the contact puts the client off) lose the margin as well as the cost.
 * Clients are ranked in scikit-uplift's order (overallOrder: of tied scores the later row first).
 */
export function incrementalProfitCurve(input: IncrementalProfitCurveInput): IncrementalProfitCurve {
  const { scores, marginPerResponse: margin, costPerContact: cost } = input
  if (!(margin > 0) || !Number.isFinite(margin)) throw new RangeError(`the margin per response must be a positive number, got ${margin}`)
  if (!(cost >= 0) || !Number.isFinite(cost)) throw new RangeError(`the cost per contact must be a number ≥ 0, got ${cost}`)
  const order = overallOrder(scores)
  const n = order.length
  const running = new Float64Array(n + 1)
  for (let k = 0; k < n; k++) running[k + 1] = running[k] + scores[order[k]] * margin - cost
  const breakEvenScore = cost / margin
  const chosen = order.filter((i) => scores[i] >= breakEvenScore).length
  const point = (clients: number): ProfitPoint => ({ share: n === 0 ? 0 : clients / n, clients, profit: running[clients] })
  const steps = input.steps ?? 100
  const counts = new Set<number>([0, chosen, n])
  for (let s = 1; s <= steps; s++) counts.add(Math.round((n * s) / steps))
  return { points: [...counts].sort((a, b) => a - b).map(point), breakEvenScore, best: point(chosen) }
}
