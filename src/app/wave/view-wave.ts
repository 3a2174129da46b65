import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { findWave, waveBalanceBySegment, type WaveSummary } from '../../db/stores/wave-query-store.ts'

export type WaveView = WaveSummary & { bySegment: { segment: string; target: number; control: number }[] }

/** One wave with the balance of its target and control groups per segment (the wave page). */
export async function viewWave(db: Kysely<Schema>, id: number): Promise<WaveView> {
  const wave = await findWave(db, id)
  if (!wave) throw new DomainError('not_found', `No wave ${id}`, reason('wave.not_found', { id }))
  return { ...wave, bySegment: await waveBalanceBySegment(db, wave.id) }
}
