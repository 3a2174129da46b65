/**
 * Members best score first in scikit-uplift's order for uplift_at_k and uplift_by_percentile: a
 * stable ascending sort of the scores, reversed — so of tied members the later row comes first. Unlike
 * the curves, these cut the ranking at a count, which may fall inside a tie.
 */
export function overallOrder(score: readonly number[]): number[] {
  return Array.from(score.keys()).sort((a, b) => score[b]! - score[a]! || b - a)
}
