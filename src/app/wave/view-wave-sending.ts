import type { Kysely } from 'kysely'
import type { WaveSending } from '../../contract/wave-send-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { countWaveContactStates } from '../../db/stores/contact-send-store.ts'
import { findWaveSendRecord } from '../../db/stores/wave-send-store.ts'
import { waveSendResult } from './wave-send-result.ts'

/** How a wave's sending stands: the contacts by state, who sends it, with which offer version. */
export async function viewWaveSending(db: Kysely<Schema>, waveId: number): Promise<WaveSending> {
  const wave = await findWaveSendRecord(db, waveId)
  if (!wave) throw new DomainError('not_found', `No wave ${waveId}`, reason('wave.not_found', { id: waveId }))
  const counts = waveSendResult(waveId, await countWaveContactStates(db, waveId))
  const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())
  return {
    ...counts,
    // The wave's own record wins once it is finished or being sent; the counts tell the rest.
    status: wave.send_status === 'not_started' ? counts.status : wave.send_status,
    owner: (wave.send_owner as Record<string, unknown> | null) ?? null,
    started_at: iso(wave.send_started_at),
    finished_at: iso(wave.send_finished_at),
    offer: wave.code !== null && wave.version !== null ? { code: wave.code, version: wave.version } : null,
  }
}
