export type WarmTiming<T> = {
  /** The answer of the first run; every later run must give the same. */
  result: T
  /** The first run, left out of the median. */
  coldMs: number
  /** The median of the warm runs. */
  ms: number
}

type Contestants = Record<string, () => Promise<unknown>>
type Timings<C extends Contestants> = { [K in keyof C]: WarmTiming<Awaited<ReturnType<C[K]>>> }

/**
 * Runs every contestant once cold, then `runs` more times, taking turns (A B C, A B C, …) so that
 * a burst of load from elsewhere on the machine falls on all of them alike. Returns each one's
 * median warm time (ms, one decimal). The answers of each contestant's runs are compared, so a run
 * that computed something else fails loudly; lists are compared by length.
 */
export async function timeInterleaved<C extends Contestants>(runs: number, contestants: C): Promise<Timings<C>> {
  const names = Object.keys(contestants) as (keyof C & string)[]
  const times = new Map(names.map((n) => [n, [] as number[]]))
  const first = new Map<string, { result: unknown; coldMs: number }>()
  for (let run = 0; run <= runs; run++) {
    for (const name of names) {
      const started = performance.now()
      const result = await contestants[name]()
      const ms = performance.now() - started
      const seen = first.get(name)
      if (!seen) first.set(name, { result, coldMs: ms })
      else if (answer(result) !== answer(seen.result)) throw new Error(`${name}: a run answered ${answer(result)}, the first ${answer(seen.result)}`)
      else times.get(name)!.push(ms)
    }
  }
  return Object.fromEntries(
    names.map((n) => [n, { result: first.get(n)!.result, coldMs: round(first.get(n)!.coldMs), ms: round(median(times.get(n)!)) }]),
  ) as Timings<C>
}

function answer(value: unknown): string {
  return JSON.stringify(Array.isArray(value) ? value.length : value)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10
}
