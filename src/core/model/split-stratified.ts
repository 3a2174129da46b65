import { createRandom } from '../demo/create-random.ts'
import type { ModelSplit } from './model-split.ts'

export type SplitStratifiedInput = {
  /** 0 or 1 per row. */
  labels: readonly number[]
  /** The share of each class held out for the test, strictly between 0 and 1. */
  testShare: number
  seed: number
}

/**
 * A stratified random split: each class is shuffled on its own (Fisher–Yates over a seeded sfc32,
 * class 0 first, then class 1, both from one stream) and round(share × its size) of it held out,
 * at least one row and never all of them, so both parts keep the label's rate and both classes.
 * The same labels and seed give the same split on every machine.
 */
export function splitStratified(input: SplitStratifiedInput): ModelSplit {
  const random = createRandom(input.seed)
  const test: number[] = []
  for (const label of [0, 1]) {
    const rows = input.labels.flatMap((value, i) => (value === label ? [i] : []))
    for (let i = rows.length - 1; i > 0; i--) {
      const j = random.int(0, i)
      ;[rows[i], rows[j]] = [rows[j], rows[i]]
    }
    const held = Math.min(Math.max(Math.round(rows.length * input.testShare), 1), rows.length - 1)
    test.push(...rows.slice(0, held))
  }
  test.sort((a, b) => a - b)
  const inTest = new Set(test)
  const train = input.labels.flatMap((_, i) => (inTest.has(i) ? [] : [i]))
  return { train, test }
}
