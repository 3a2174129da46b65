import { hostname } from 'node:os'
import type pino from 'pino'
import { openConfiguredChannels } from '../app/channels/open-configured-channels.ts'
import { sendWave } from '../app/wave/send-wave.ts'
import type { AuditActor } from '../app/audit/record-audit-event.ts'
import type { ChannelsConfig } from '../config.ts'
import { DomainError } from '../core/domain-error.ts'
import type { Database } from '../db/open-database.ts'
import type { Jobs } from './start-jobs.ts'

export type WaveSendJob = { waveId: number; actor: AuditActor }

export type WaveSendWorkerInput = { jobs: Jobs; db: Database; channels: ChannelsConfig; publicUrl: string; logger: pino.Logger }

/** Puts a wave's send on the queue; one job per wave waits at a time (its singleton key). */
export function queueWaveSend(jobs: Jobs, job: WaveSendJob, startAfter?: Date): Promise<string | null> {
  // A later run has a key of its own: the one still active must not swallow it.
  const singletonKey = startAfter ? `wave-${job.waveId}-at-${startAfter.getTime()}` : `wave-${job.waveId}`
  return jobs.send('otklik.wave-send', job, { singletonKey, ...(startAfter && { startAfter }) })
}

/**
 * Works the wave-send queue in this process. A run ends when nothing is due now; when contacts wait
 * (quiet hours where the client lives, a retry after a temporary failure) the next run is queued
 * for the moment the first of them is due. A job whose wave another worker is sending ends at once.
 */
export async function startWaveSendWorker(input: WaveSendWorkerInput): Promise<void> {
  await input.jobs.work<WaveSendJob>('otklik.wave-send', {}, async (job) => {
    const open = openConfiguredChannels(input.channels)
    try {
      const result = await sendWave(input.db, {
        waveId: job.data.waveId,
        channels: open.channels,
        publicUrl: input.publicUrl,
        actor: job.data.actor,
        owner: { pid: process.pid, host: hostname(), command: 'otklik start (job)', job: job.id },
      })
      input.logger.info(result, 'wave send run ended')
      if (result.status === 'waiting' && result.waiting > 0 && result.next_attempt_at) {
        await queueWaveSend(input.jobs, job.data, new Date(result.next_attempt_at))
      }
    } catch (error) {
      if (error instanceof DomainError && error.details.code === 'wave.sending_elsewhere') return
      throw error
    } finally {
      await open.close()
    }
  })
}
