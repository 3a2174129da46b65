import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Database } from '../../db/open-database.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { countWaveContactStates, queueWaveContacts } from '../../db/stores/contact-send-store.ts'
import { saveWaveSendState } from '../../db/stores/wave-send-store.ts'
import { tryLockWaveSend } from '../../db/stores/wave-send-lock-store.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'
import type { WaveSendPlan } from './prepare-wave-send.ts'
import { reconcileWaveContacts } from './reconcile-wave-contacts.ts'
import { waveSendResult, type WaveSendResult } from './wave-send-result.ts'

export type RunWaveSendInput = {
  plan: WaveSendPlan
  actor: AuditActor
  /** Who sends, for people to read on the wave ({ pid, host, command }). */
  owner: Record<string, unknown>
  now: () => Date
  /** What else the audit event records (a letter batch's name). */
  auditDetails?: Record<string, unknown>
}

/**
 * One run of a wave's send, whatever carries the messages (sendWave, printLetterWave): the wave's
 * send lock (one sender at a time), the run recorded on the wave and audited, the target members
 * queued, what a stopped run left in flight reconciled with the channel's provider, then `work`,
 * then the wave's state from its contacts. A run that fails leaves the wave `waiting`.
 */
export async function runWaveSend<T>(db: Database, input: RunWaveSendInput, work: () => Promise<T>): Promise<{ result: WaveSendResult; value: T }> {
  const { plan, now } = input
  const waveId = plan.wave.id
  const lock = await tryLockWaveSend(db, waveId)
  if (!lock) throw new DomainError('conflict', `Wave ${waveId} is being sent elsewhere`, reason('wave.sending_elsewhere', { wave: waveId }))
  try {
    await saveWaveSendState(db.kysely, { waveId, status: 'sending', now: now(), offerId: plan.offer.id, owner: input.owner })
    await appendAuditEvent(db.kysely, {
      userId: input.actor.id, login: input.actor.login, action: 'wave.send', entity: 'wave', entityId: String(waveId),
      details: { offer: plan.offer.code, version: plan.offer.version, ...input.auditDetails },
    })
    await queueWaveContacts(db.kysely, { waveId, programId: plan.wave.programId, channel: plan.wave.channel, offerId: plan.offer.id, now: now(), batchSize: 5000 })
    await reconcileWaveContacts(db.kysely, { waveId, channel: plan.channel, now })
    const value = await work()
    const counted = waveSendResult(waveId, await countWaveContactStates(db.kysely, waveId))
    // A wave whose every target member was written to, or that had none: finished.
    const result = counted.queued === 0 ? { ...counted, status: 'finished' as const } : counted
    await saveWaveSendState(db.kysely, { waveId, status: result.status, now: now() })
    return { result, value }
  } catch (error) {
    await saveWaveSendState(db.kysely, { waveId, status: 'waiting', now: now() }).catch(() => undefined)
    throw error
  } finally {
    await lock.release()
  }
}
