import { POLICY_STEPS } from '../../contract/contact-policy.ts'
import type { WaveSendStatus } from '../../contract/contact-states.ts'
import type { WaveContactCounts } from '../../db/stores/contact-send-store.ts'

/** `wave send --json` (the contract), with what else a person needs to read it. */
export type WaveSendResult = {
  wave: number
  status: WaveSendStatus
  queued: number
  sent: number
  failed: number
  skipped_by_policy: number
  /** Handed over but not confirmed: the provider could not say; a person decides. */
  unknown: number
  /** Still queued: quiet hours where the client lives, or a retry after a temporary failure. */
  waiting: number
  skipped: Record<string, number>
  next_attempt_at: string | null
}

const POLICY_REASONS: readonly string[] = [...POLICY_STEPS, 'no_address']

export function waveSendResult(waveId: number, counts: WaveContactCounts): WaveSendResult {
  const skippedByPolicy = Object.entries(counts.skippedBy).filter(([r]) => POLICY_REASONS.includes(r)).reduce((sum, [, n]) => sum + n, 0)
  const total = counts.queued + counts.sending + counts.sent + counts.failed + counts.unknown + counts.skipped
  const open = counts.queued + counts.sending + counts.unknown
  return {
    wave: waveId,
    status: total === 0 ? 'not_started' : open === 0 ? 'finished' : counts.sending > 0 ? 'sending' : 'waiting',
    queued: total,
    sent: counts.sent,
    failed: counts.failed,
    skipped_by_policy: skippedByPolicy,
    unknown: counts.unknown,
    waiting: counts.queued,
    skipped: counts.skippedBy,
    next_attempt_at: counts.nextAttemptAt,
  }
}
