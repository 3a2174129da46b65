import type { Kysely } from 'kysely'
import { bankDay } from '../../core/bank-day.ts'
import { checkContactWindow, type ContactWindow } from '../../core/execution/contact-window.ts'
import type { Schema } from '../../db/schema.ts'
import { lockDueContacts, markClaimed, type ClaimCandidate, type ClaimMoves } from '../../db/stores/contact-send-store.ts'
import type { WaveSendPlan } from './prepare-wave-send.ts'

export type ClaimedContact = ClaimCandidate & { address: string; reference: string }

export type ClaimBatchInput = { plan: WaveSendPlan; window: ContactWindow; now: Date; limit: number }

/**
 * Takes the next batch of due contacts in one short transaction: the contact policy checked again
 * for each (a consent withdrawn an hour ago wins), quiet hours where the client lives (an SMS
 * waits for the window to open), and the rest moved to `sending` with their address and our
 * reference — committed before any of them is handed to the provider (the write-ahead that lets a
 * crash be reconciled instead of re-sent). Returns the claimed contacts, and whether any were due.
 */
export async function claimWaveBatch(db: Kysely<Schema>, input: ClaimBatchInput): Promise<{ claimed: ClaimedContact[]; due: number }> {
  const { plan, now } = input
  return db.transaction().execute(async (tx) => {
    const candidates = await lockDueContacts(tx, {
      waveId: plan.wave.id,
      programId: plan.wave.programId,
      channel: plan.wave.channel,
      policy: plan.policy,
      asOf: bankDay(now, plan.timeZone),
      timeZone: plan.timeZone,
      now,
      limit: input.limit,
    })
    const moves: ClaimMoves = { waveId: plan.wave.id, skipped: [], deferred: [], sending: [], now }
    const claimed: ClaimedContact[] = []
    const quietHours = plan.wave.channel === 'sms' || plan.wave.channel === 'call'
    for (const c of candidates) {
      const key = { clientId: c.clientId, id: c.id }
      if (c.removedBy) moves.skipped.push({ ...key, reason: c.removedBy })
      else if (c.address === null) moves.skipped.push({ ...key, reason: 'no_address' })
      else {
        const open = quietHours ? checkContactWindow(now.getTime(), c.utcOffset, input.window) : { allowed: true as const }
        if (!open.allowed) moves.deferred.push({ ...key, nextAttemptAt: new Date(open.nextAt) })
        else {
          const reference = plan.channel.reference({ waveId: plan.wave.id, clientId: c.clientId, id: c.id })
          moves.sending.push({ ...key, address: c.address, providerMessageId: reference })
          claimed.push({ ...c, address: c.address, reference })
        }
      }
    }
    await markClaimed(tx, moves)
    return { claimed, due: candidates.length }
  })
}
