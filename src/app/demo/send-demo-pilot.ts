import type { ContactChannel } from '../channels/contact-channel.ts'
import { smsReference } from '../channels/sms-gateway-channel.ts'
import { DEMO_SMS_REFUSAL, demoSmsOutcome, type DemoSmsOutcome } from '../../core/demo/demo-sms-outcome.ts'
import type { Database } from '../../db/open-database.ts'
import { listSentSmsContacts, listWaveTargetClients } from '../../db/stores/demo-pilot-store.ts'
import { insertOptOuts, recordDeliveryReports } from '../../db/stores/opt-out-store.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'
import { sendWave } from '../wave/send-wave.ts'
import type { WaveSendResult } from '../wave/wave-send-result.ts'

export type SendDemoPilotInput = { waveId: number; seed: number; startAt: Date; actor: AuditActor }

// Rounds of the send: each runs until only clients outside their calling hours are left, then the
// clock moves to the first of them (the demo's five zones need two or three rounds).
const MAX_ROUNDS = 6

/** Where the demo's tracked and unsubscribe links point: the bank's site, which the demo has none of. */
export const DEMO_PUBLIC_URL = 'https://bank.example'

/**
 * The demo's SMS pilot sent as a real wave is (send-wave.ts: queued, claimed with the policy checked
 * again, sent, recorded), through a gateway that answers as demo-sms-outcome.ts says, on a clock
 * set to the day the pilot ran; then the gateway's delivery reports. Cheap: no network, no waiting.
 */
export async function sendDemoPilot(db: Database, input: SendDemoPilotInput): Promise<WaveSendResult> {
  const members = await listWaveTargetClients(db.kysely, input.waveId)
  const outcomes = new Map(members.map((clientId) => [clientId, demoSmsOutcome(input.seed, clientId)]))
  // A STOP half an hour before the send: the claim's policy check stops the message.
  const withdrew = members.filter((clientId) => outcomes.get(clientId)!.withdrew)
  const stopAt = new Date(input.startAt.getTime() - 30 * 60_000)
  await insertOptOuts(db.kysely, { clientIds: withdrew, channel: 'sms', at: stopAt, recordedAt: stopAt, source: 'sms_stop' })
  let clock = input.startAt
  const channel = demoSmsGateway(outcomes, () => clock)
  let result: WaveSendResult | undefined
  for (let round = 0; round < MAX_ROUNDS && result?.status !== 'finished'; round++) {
    result = await sendWave(db, { waveId: input.waveId, channels: { sms: channel }, publicUrl: DEMO_PUBLIC_URL, actor: input.actor, owner: { command: 'demo' }, now: () => clock, batchSize: 2000 })
    if (!result.next_attempt_at) break
    clock = new Date(result.next_attempt_at)
  }
  const sent = await listSentSmsContacts(db.kysely, input.waveId)
  await recordDeliveryReports(
    db.kysely,
    sent.flatMap((contact) => {
      const { delivery, reportAfterSeconds } = outcomes.get(contact.clientId)!
      return delivery ? [{ clientId: contact.clientId, id: contact.id, waveId: input.waveId, status: delivery, at: new Date(contact.sentAt.getTime() + reportAfterSeconds * 1000) }] : []
    }),
  )
  return result!
}

function demoSmsGateway(outcomes: ReadonlyMap<number, DemoSmsOutcome>, now: () => Date): ContactChannel {
  // The gateway takes 25 messages a second: the acceptance times spread over minutes, as a real send's do.
  let accepted = 0
  return {
    channel: 'sms',
    limits: { ratePerSecond: 1_000_000, burst: 1_000_000 },
    reference: (contact) => smsReference(contact),
    send: async (message) =>
      outcomes.get(message.clientId)?.refused
        ? { outcome: 'permanent', error: DEMO_SMS_REFUSAL }
        : { outcome: 'accepted', providerMessageId: `demo-${message.contactId}`, at: new Date(now().getTime() + 40 * accepted++) },
    reconcile: async () => ({ outcome: 'not_accepted' }),
    close: async () => undefined,
  }
}
