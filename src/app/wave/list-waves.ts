import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { listWaves as listWaveRows, type WaveSummary } from '../../db/stores/wave-query-store.ts'

export type ListWavesInput = { programCode?: string; limit: number; offset: number }

/** Built waves, newest first, of every program or of one. */
export async function listWaves(db: Kysely<Schema>, input: ListWavesInput): Promise<{ total: number; items: WaveSummary[] }> {
  return listWaveRows(db, input)
}
