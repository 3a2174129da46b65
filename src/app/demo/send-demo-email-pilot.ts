import type { Database } from '../../db/open-database.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'
import { sendWave } from '../wave/send-wave.ts'
import type { WaveSendResult } from '../wave/wave-send-result.ts'
import { createDemoMailbox } from './demo-mailbox-channel.ts'

export type SendDemoEmailPilotInput = { waveId: number; startAt: Date; actor: AuditActor; publicUrl: string }

const DEMO_FROM = 'Банк <news@bank.example>'

/**
 * The demo's e-mail pilot sent as a real wave is (send-wave.ts: queued, claimed with the policy
 * checked again, rendered from the approved offer, sent, recorded), to the demo mailbox
 * (demo-mailbox-channel.ts) on a clock set to the day the pilot ran. E-mail has no quiet hours:
 * one run finishes the wave.
 */
export async function sendDemoEmailPilot(db: Database, input: SendDemoEmailPilotInput): Promise<WaveSendResult> {
  const clock = input.startAt
  const mailbox = createDemoMailbox({ from: DEMO_FROM, now: () => clock })
  return sendWave(db, { waveId: input.waveId, channels: { email: mailbox }, publicUrl: input.publicUrl, actor: input.actor, owner: { command: 'demo' }, now: () => clock, batchSize: 2000 })
}
