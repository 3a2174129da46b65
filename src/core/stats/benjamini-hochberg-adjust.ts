/**
 * The Benjamini–Hochberg adjustment of several p-values judged together (1995; statsmodels'
 * multipletests(method='fdr_bh')): sorted ascending, p̃_(i) = min_{j ≥ i} min(1, m·p_(j) / j). It
 * keeps the expected share of false discoveries among the significant ones at α — looser than
 * Holm's family-wise control, so more of many breakdowns stay significant. In the input's order.
 */
export function benjaminiHochbergAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p)
  const adjusted = new Array<number>(m)
  let running = 1
  for (let rank = m - 1; rank >= 0; rank--) {
    const { p, i } = order[rank]!
    running = Math.min(running, Math.min(1, (m * p) / (rank + 1)))
    adjusted[i] = running
  }
  return adjusted
}
