import type { Kysely } from 'kysely'
import type { Channel } from '../../contract/channels.ts'
import type { WaveSendStatus } from '../../contract/contact-states.ts'
import type { ProgramStatus } from '../../contract/program-schemas.ts'
import type { Schema } from '../schema.ts'

export type WaveForSending = {
  id: number
  programId: number
  programCode: string
  programStatus: ProgramStatus
  programEndsOn: string | null
  kind: 'pilot' | 'rollout'
  channel: Channel
  /** The contact policy as the build applied it (the program's overrides merged, the bank's zone). */
  policy: unknown
  offerId: number | null
  sendStatus: WaveSendStatus
}

export async function findWaveForSending(db: Kysely<Schema>, waveId: number): Promise<WaveForSending | undefined> {
  const row = await db
    .selectFrom('waves as w')
    .innerJoin('programs as p', 'p.id', 'w.program_id')
    .select(['w.id', 'w.program_id', 'p.code', 'p.status', 'p.planned_end', 'w.kind', 'w.channel', 'w.policy', 'w.offer_id', 'w.send_status'])
    .where('w.id', '=', waveId)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    programId: row.program_id,
    programCode: row.code,
    programStatus: row.status as ProgramStatus,
    programEndsOn: row.planned_end,
    kind: row.kind === 'rollout' ? 'rollout' : 'pilot',
    channel: row.channel as Channel,
    policy: row.policy,
    offerId: row.offer_id,
    sendStatus: row.send_status,
  }
}

export type WaveSendStateInput = { waveId: number; status: WaveSendStatus; now: Date; offerId?: number; owner?: unknown }

/** Records how the wave's sending stands; the first send freezes the offer version and the start. */
export async function saveWaveSendState(db: Kysely<Schema>, input: WaveSendStateInput): Promise<void> {
  await db
    .updateTable('waves')
    .set((eb) => ({
      send_status: input.status,
      ...(input.offerId !== undefined && { offer_id: eb.fn.coalesce('offer_id', eb.val(input.offerId)) }),
      send_started_at: eb.fn.coalesce('send_started_at', eb.val(input.now)),
      send_finished_at: input.status === 'finished' ? input.now : null,
      send_owner: input.owner === undefined ? null : JSON.stringify(input.owner),
    }))
    .where('id', '=', input.waveId)
    .execute()
}

/** The wave's sending record: its state, who sends it, since when, with which offer version. */
export async function findWaveSendRecord(db: Kysely<Schema>, waveId: number) {
  return db
    .selectFrom('waves as w')
    .leftJoin('offers as o', 'o.id', 'w.offer_id')
    .select(['w.id', 'w.send_status', 'w.send_owner', 'w.send_started_at', 'w.send_finished_at', 'o.code', 'o.version'])
    .where('w.id', '=', waveId)
    .executeTakeFirst()
}
