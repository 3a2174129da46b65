import type { ModelSplit } from './model-split.ts'

export type SplitByTimeInput = {
  /** The time of each row as a sortable number (a date's milliseconds, or the column's own number). */
  times: readonly number[]
  /** About this share of the rows, the latest, is held out for the test. */
  testShare: number
}

/**
 * A time-ordered split: the model learns from the past and is tested on the future. Rows are
 * ordered by time; the latest round(share × rows) are the test, and rows at the same time as
 * the first of them join it too, so that no test row is older than, or as old as, a training row
 * (the test share can then come out larger). Undefined when the cut leaves no training rows:
 * the column has too few distinct times.
 */
export function splitByTime(input: SplitByTimeInput): ModelSplit | undefined {
  const n = input.times.length
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => input.times[a] - input.times[b] || a - b)
  const held = Math.min(Math.max(Math.round(n * input.testShare), 1), n)
  const cut = input.times[order[n - held]]
  const train: number[] = []
  const test: number[] = []
  input.times.forEach((time, i) => (time >= cut ? test : train).push(i))
  return train.length === 0 ? undefined : { train, test }
}
