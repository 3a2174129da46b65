import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { currentContactPolicy } from '../../db/stores/policy-store.ts'
import { ensureDraftProgram } from '../../db/stores/program-store.ts'
import { buildWaveInTransaction, type BuildWaveInput, type WaveResult } from './build-wave.ts'

class PreviewRollback extends Error {
  constructor(readonly result: WaveResult) {
    super('preview')
  }
}

/**
 * What building the wave would give — target, control and the policy funnel — without freezing it:
 * the real build runs inside a transaction that is then rolled back, so preview and build agree.
 */
export async function previewWave(db: Kysely<Schema>, input: BuildWaveInput): Promise<Omit<WaveResult, 'wave'>> {
  // The draft program (and so its seed) is kept: a preview must show the split the build will make.
  await ensureDraftProgram(db, input.programCode)
  // Likewise the first use of the default policy saves it as version 1 for good, not in the rollback.
  await currentContactPolicy(db)
  try {
    await db.transaction().execute(async (tx) => {
      throw new PreviewRollback(await buildWaveInTransaction(tx, input, { preview: true }))
    })
  } catch (error) {
    if (error instanceof PreviewRollback) {
      const { wave: _wave, ...preview } = error.result
      return preview
    }
    throw error
  }
  throw new Error('unreachable')
}
