export type WarmTiming<T> = {
  /** The answer of the first run; every later run must give the same. */
  result: T
  /** The first, untimed-for-the-median run. */
  coldMs: number
  /** The median of the warm runs. */
  ms: number
}

/**
 * Runs the work once cold, then `runs` times warm, and returns the median warm time (ms, one
 * decimal). The answers are compared, so a run that computed something else fails loudly.
 */
export async function timeWarm<T>(runs: number, work: () => Promise<T>): Promise<WarmTiming<T>> {
  let started = performance.now()
  const result = await work()
  const coldMs = performance.now() - started
  const times: number[] = []
  // Lists are compared by length: their contents are checked against the baseline by the caller.
  const answer = (value: T) => JSON.stringify(Array.isArray(value) ? value.length : value)
  const expected = answer(result)
  for (let i = 0; i < runs; i++) {
    started = performance.now()
    const again = await work()
    times.push(performance.now() - started)
    if (answer(again) !== expected) throw new Error(`a run answered ${answer(again)}, the first ${expected}`)
  }
  times.sort((a, b) => a - b)
  const mid = times.length >> 1
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2
  return { result, coldMs: round(coldMs), ms: round(median) }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10
}
