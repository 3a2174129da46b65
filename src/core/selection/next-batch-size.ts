export type BatchSizing = {
  /** How long one batch's transaction may hold the database, in ms. */
  targetMs: number
  min: number
  max: number
}

// Each batch of the profile refresh holds the database (on PGlite its one connection) while it
// runs; how many clients fit in the target depends on the machine and its load, so the size
// follows the last batch's time: scaled towards the target, at most doubling per step, and
// within [min, max].
export const PROFILE_BATCH_SIZING: BatchSizing = { targetMs: 300, min: 100, max: 5_000 }

/** The size of the next batch after one of `size` items took `elapsedMs`. */
export function nextBatchSize(size: number, elapsedMs: number, sizing: BatchSizing = PROFILE_BATCH_SIZING): number {
  const scaled = Math.round((size * sizing.targetMs) / Math.max(elapsedMs, 1))
  return Math.min(sizing.max, Math.max(sizing.min, Math.min(scaled, size * 2)))
}
