import type { Kysely } from 'kysely'
import { DEFAULT_CALL_POLICY, type CallPolicy } from '../../contract/call-policy.ts'
import { contactPolicySchema, type ContactPolicy } from '../../contract/contact-policy.ts'
import { reason } from '../../contract/reason-codes.ts'
import { bankDay, bankDayStart } from '../../core/bank-day.ts'
import { DomainError } from '../../core/domain-error.ts'
import { addDays } from '../../core/selection/calendar.ts'
import type { Schema } from '../../db/schema.ts'
import { readCallPolicy } from '../../db/stores/call-policy-store.ts'
import type { PolicyContext } from '../../db/stores/call-task-store.ts'
import { findWaveForSending, type WaveForSending } from '../../db/stores/wave-send-store.ts'

export type CallWaveContext = {
  wave: WaveForSending
  /** The contact policy the wave was built with, checked again before each call. */
  policy: PolicyContext
  callPolicy: CallPolicy
  /** The start of the bank day after the program's planned end, or null: no end date. */
  programEndsAt: number | null
}

/** A call wave and the rules its calls follow; refuses a wave of another channel. */
export async function callWaveContext(db: Kysely<Schema>, input: { waveId: number; now: Date }): Promise<CallWaveContext> {
  const wave = await findWaveForSending(db, input.waveId)
  if (!wave) throw new DomainError('not_found', `No wave ${input.waveId}`, reason('wave.not_found', { id: input.waveId }))
  if (wave.channel !== 'call') {
    throw new DomainError('invalid_input', `Wave ${wave.id} is a ${wave.channel} wave`, reason('call.not_call_wave', { wave: wave.id, channel: wave.channel }))
  }
  const frozen = wave.policy as Partial<ContactPolicy> & { timeZone?: string }
  const timeZone = frozen.timeZone ?? 'Europe/Moscow'
  const policy = contactPolicySchema.parse({
    channelCaps: frozen.channelCaps,
    overallCap: frozen.overallCap,
    complaintQuietDays: frozen.complaintQuietDays,
    excludeOtherRunningPrograms: frozen.excludeOtherRunningPrograms,
  })
  const programEndsAt = wave.programEndsOn ? bankDayStart(addDays(wave.programEndsOn, 1), timeZone) : null
  return {
    wave,
    policy: { waveId: wave.id, programId: wave.programId, policy, asOf: bankDay(input.now, timeZone), timeZone, now: input.now },
    callPolicy: (await readCallPolicy(db, wave.programId)) ?? DEFAULT_CALL_POLICY,
    programEndsAt,
  }
}
