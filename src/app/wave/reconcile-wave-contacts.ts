import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { listInFlightContacts, recordSendOutcomes, type SendOutcome } from '../../db/stores/contact-send-store.ts'
import type { ContactChannel } from '../channels/contact-channel.ts'

/**
 * Settles the contacts a sender left `sending` when it stopped (SIGKILL, a lost machine) and those
 * marked `unknown`, by asking the provider for our reference: accepted → `sent`; not accepted → a
 * `sending` contact goes back to `queued` (nothing left the bank) and is sent once; no answer → it
 * stays `unknown`, for a person to decide, and is never sent blindly again. Runs while the wave's
 * send lock is held, so no live sender has a message in flight.
 */
export async function reconcileWaveContacts(db: Kysely<Schema>, input: { waveId: number; channel: ContactChannel; now: () => Date }): Promise<{ settled: number; unknown: number }> {
  const rows = await listInFlightContacts(db, input.waveId, 1_000_000)
  let unknown = 0
  const outcomes: SendOutcome[] = []
  for (const row of rows) {
    // The reference written at the claim (a letter's names its batch); an older row's is recomputed.
    const answer = await input.channel.reconcile(row.providerMessageId ?? input.channel.reference({ waveId: input.waveId, clientId: row.clientId, id: row.id }))
    const key = { clientId: row.clientId, id: row.id }
    if (answer.outcome === 'accepted') outcomes.push({ ...key, state: 'sent', sentAt: input.now(), providerMessageId: answer.providerMessageId })
    else if (answer.outcome === 'not_accepted' && row.state === 'sending') outcomes.push({ ...key, state: 'queued', nextAttemptAt: input.now(), error: 'not accepted by the provider before the sender stopped' })
    else {
      unknown += 1
      if (row.state === 'sending') outcomes.push({ ...key, state: 'unknown', error: 'the provider cannot say whether it took the message' })
    }
  }
  for (let i = 0; i < outcomes.length; i += 1000) await recordSendOutcomes(db, { waveId: input.waveId, outcomes: outcomes.slice(i, i + 1000), now: input.now() })
  return { settled: rows.length - unknown, unknown }
}
