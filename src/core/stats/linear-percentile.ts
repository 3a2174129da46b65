/**
 * numpy.percentile(sorted, q·100) with its default 'linear' method, step for step (its lerp) — the
 * same as PostgreSQL's percentile_cont(q). `sorted` ascending, not empty; q in [0, 1].
 */
export function linearPercentile(sorted: ArrayLike<number>, q: number): number {
  const count = sorted.length
  const virtual = count * q + (1 + q * -1) - 1
  const below = Math.min(Math.max(Math.floor(virtual), 0), count - 1)
  const above = Math.min(below + 1, count - 1)
  const t = virtual - Math.floor(virtual)
  const a = sorted[below]
  const b = sorted[above]
  const diff = b - a
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
}
