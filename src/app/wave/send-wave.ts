import type { Channel } from '../../contract/channels.ts'
import { formatReason } from '../../contract/format-reason.ts'
import { bankDay } from '../../core/bank-day.ts'
import { DomainError } from '../../core/domain-error.ts'
import { DEFAULT_RETRY_POLICY, nextSendAttempt, type RetryPolicy } from '../../core/execution/next-send-attempt.ts'
import { fullBucket, takeToken } from '../../core/execution/token-bucket.ts'
import type { Database } from '../../db/open-database.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { countWaveContactStates, recordSendOutcomes, type SendOutcome } from '../../db/stores/contact-send-store.ts'
import { readContactWindow } from '../../db/stores/contact-window-store.ts'
import { readLinkSecret } from '../../db/stores/link-secret-store.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'
import type { ContactChannel, SendAnswer } from '../channels/contact-channel.ts'
import { claimWaveBatch, type ClaimedContact } from './claim-wave-batch.ts'
import { composeWaveMessage } from './compose-wave-message.ts'
import { prepareWaveSend, type WaveSendPlan } from './prepare-wave-send.ts'
import { runWaveSend } from './run-wave-send.ts'
import { waveSendResult, type WaveSendResult } from './wave-send-result.ts'

export type SendWaveInput = {
  waveId: number
  channels: Partial<Record<Channel, ContactChannel>>
  publicUrl: string
  actor: AuditActor
  /** Who sends, for people to read on the wave ({ pid, host, command }). */
  owner: Record<string, unknown>
  now?: () => Date
  retry?: RetryPolicy
  /** Contacts claimed and sent per short transaction (500: a claim of 500 takes about 50 ms on PGlite). */
  batchSize?: number
  onProgress?: (result: WaveSendResult) => void
}

/**
 * Sends a wave's contacts exactly once (issue 8, item 3): one sender at a time, the target members
 * queued, what a stopped sender left in flight reconciled with the provider, then batches claimed,
 * sent within the channel's rate and recorded. It can be stopped at any moment and run again: the
 * next run finishes the wave without sending anything twice. Returns when nothing is due now.
 */
export async function sendWave(db: Database, input: SendWaveInput): Promise<WaveSendResult> {
  const now = input.now ?? (() => new Date())
  const timeZone = await readBankTimeZone(db.kysely)
  const plan = await prepareWaveSend(db.kysely, { waveId: input.waveId, channels: input.channels, today: bankDay(now(), timeZone) })
  const run = await runWaveSend(db, { plan, actor: input.actor, owner: input.owner, now }, () => sendDueContacts(db, plan, { ...input, now }))
  return run.result
}

async function sendDueContacts(db: Database, plan: WaveSendPlan, input: SendWaveInput & { now: () => Date }): Promise<void> {
  const window = await readContactWindow(db.kysely)
  const linkSecret = await readLinkSecret(db.kysely)
  const limits = plan.channel.limits
  let bucket = fullBucket(limits, Date.now())
  let reported = 0
  const throttle = async () => {
    const taken = takeToken(bucket, limits, Date.now())
    bucket = taken.bucket
    if (taken.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, taken.waitMs))
  }
  const claim = () => claimWaveBatch(db.kysely, { plan, window, now: input.now(), limit: input.batchSize ?? 500 })
  let next = prefetch(claim)
  let recording: Promise<void> = Promise.resolve()
  for (;;) {
    let batch = await next
    // The claim made ahead ran before the last outcomes were recorded: a retry they queue is due only now.
    if (batch.due === 0) {
      await recording
      batch = await claim()
    }
    if (batch.due === 0) return
    // Three things at once: the next batch claimed (and committed as `sending`), this one sent, the
    // last one's outcomes recorded. Each message is still claimed before it goes and recorded after.
    next = prefetch(claim)
    const outcomes = await Promise.all(batch.claimed.map((contact) => sendOne(plan, contact, { ...input, linkSecret, throttle })))
    await recording
    recording = prefetch(() => recordSendOutcomes(db.kysely, { waveId: plan.wave.id, outcomes, now: input.now() }))
    // Counting is a scan of the wave's contacts: once a second is enough for a progress bar.
    if (input.onProgress && Date.now() - reported >= 1000) {
      reported = Date.now()
      input.onProgress(waveSendResult(plan.wave.id, await countWaveContactStates(db.kysely, plan.wave.id)))
    }
  }
}

type SendOneInput = SendWaveInput & { now: () => Date; linkSecret: string; throttle: () => Promise<void> }

async function sendOne(plan: WaveSendPlan, contact: ClaimedContact, input: SendOneInput): Promise<SendOutcome> {
  const composed = composeWaveMessage({ candidate: contact, channel: plan.channel, offer: plan.offer, templates: plan.templates, linkSecret: input.linkSecret, publicUrl: input.publicUrl })
  if (!composed.ok) {
    // Over the time limit is a pause of the process as often as a slow template (a parsed, checked
    // template rendered in time for the members before): tried again later, failed after the last attempt.
    const kind = composed.reason.code === 'template.too_slow' ? 'temporary' : 'permanent'
    return outcomeOf(contact, { outcome: kind, error: formatReason(composed.reason, 'en') }, input)
  }
  await input.throttle()
  const answer = await plan.channel.send(composed.message)
  return outcomeOf(contact, answer.outcome === 'uncertain' ? await settle(plan.channel, contact, answer) : answer, input)
}

/** Starts work now, to be awaited later: a failure then is reported where it is awaited, not as unhandled. */
function prefetch<T>(start: () => Promise<T>): Promise<T> {
  const started = start()
  started.catch(() => undefined)
  return started
}

/**
 * A send whose answer was lost (the connection dropped or timed out after the message was handed
 * over): ask the provider. "Not found" counts only when it holds after the channel's grace, the time
 * a cut request may still take to arrive; asked at once, the first POST could land after the check
 * and the retry be a second SMS.
 */
async function settle(channel: ContactChannel, contact: ClaimedContact, answer: SendAnswer): Promise<SendAnswer> {
  let known = await channel.reconcile(contact.reference)
  if (known.outcome === 'not_accepted' && channel.uncertainGraceMs) {
    await new Promise((resolve) => setTimeout(resolve, channel.uncertainGraceMs))
    known = await channel.reconcile(contact.reference)
  }
  if (known.outcome === 'accepted') return { outcome: 'accepted', providerMessageId: known.providerMessageId, at: new Date() }
  if (known.outcome === 'not_accepted') return { outcome: 'temporary', error: answer.outcome === 'accepted' ? '' : answer.error }
  return answer
}

function outcomeOf(contact: ClaimedContact, answer: SendAnswer, input: { now: () => Date; retry?: RetryPolicy }): SendOutcome {
  const key = { clientId: contact.clientId, id: contact.id }
  if (answer.outcome === 'accepted') return { ...key, state: 'sent', sentAt: answer.at, providerMessageId: answer.providerMessageId }
  if (answer.outcome === 'uncertain') return { ...key, state: 'unknown', error: answer.error }
  const next = nextSendAttempt({ kind: answer.outcome, attempts: contact.attempts + 1, at: input.now().getTime(), policy: input.retry ?? DEFAULT_RETRY_POLICY })
  if (next.state === 'failed') return { ...key, state: 'failed', error: answer.error }
  return { ...key, state: 'queued', nextAttemptAt: new Date(next.nextAttemptAt), error: answer.error }
}
