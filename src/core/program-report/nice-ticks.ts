/**
 * Round tick values for a chart axis covering [min, max] and 0 (the report's bars and intervals
 * are read against zero): a step of 1, 2 or 5 × 10ⁿ giving about `count` intervals — the
 * "nice numbers" of Heckbert, Graphics Gems (1990), "Nice numbers for graph labels".
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let low = Math.min(min, max, 0)
  let high = Math.max(min, max, 0)
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) / 2
    low -= pad
    high += pad
  }
  const rough = (high - low) / count
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!
  const first = Math.floor(low / step)
  const last = Math.ceil(high / step)
  // Rounded to the step's decimals, so 0.1 + 0.2 prints as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)))
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toFixed(decimals)) + 0)
}
