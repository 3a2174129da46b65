import { controlHash } from './control-hash.ts'

/**
 * The seed a pilot's sample is drawn with: the wave's seed and ":sample". It must not be the
 * control's own seed: the clients with the lowest control hash are exactly the control, so a sample
 * drawn by that hash would be all control. With a seed of its own the sample is independent of the
 * split, and the control stays a random share of the sample.
 */
export function pilotSampleSeed(seed: string): string {
  return `${seed}:sample`
}

/**
 * A random sample of `size` clients, reproducible from the seed: the clients with the lowest
 * sample hash (control-hash.ts with pilotSampleSeed), ties by id. The same seed and the same
 * clients give the same sample. Its SQL twin is the ORDER BY … LIMIT of db/stores/wave-store.ts,
 * held equal by http/routes/wave-pilot-scope.db.test.ts.
 */
export function pickPilotSample(clientIds: readonly number[], seed: string, size: number): number[] {
  const sampleSeed = pilotSampleSeed(seed)
  return clientIds
    .map((id) => ({ id, hash: controlHash(sampleSeed, id) }))
    .sort((a, b) => a.hash - b.hash || a.id - b.id)
    .slice(0, size)
    .map((c) => c.id)
}
