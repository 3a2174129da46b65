import { createRandom } from './create-random.ts'

// What the demo's SMS pilot met on its way (typical for a bank's SMS gateway, not any bank's facts):
// a few clients withdrew their consent between the build and the send, the gateway refused a few
// numbers outright, and of the accepted most were delivered, some not (switched off, full memory),
// some expired; a few reports never came. Per client from the bank's seed: the same bank, the same story.
export const DEMO_SMS_SHARES = { withdrew: 0.006, refused: 0.012, delivered: 0.93, notDelivered: 0.035, expired: 0.02 } as const

export const DEMO_SMS_REFUSAL = 'gateway 400: {"error":"unknown subscriber"}'

export type DemoSmsOutcome = {
  /** Opted out after the wave was built: the policy stops the message just before the send. */
  withdrew: boolean
  /** The gateway refuses the number for good (the contact fails). */
  refused: boolean
  /** The delivery report for an accepted message; null: none came. */
  delivery: 'delivered' | 'failed' | 'expired' | null
  /** How long after the send the report came. */
  reportAfterSeconds: number
}

const SALT = 0x5a5f // the SMS pilot's own stream, apart from the client's other demo rows

export function demoSmsOutcome(seed: number, clientId: number): DemoSmsOutcome {
  const random = createRandom(seed, clientId, SALT)
  const withdrew = random.chance(DEMO_SMS_SHARES.withdrew)
  const refused = random.chance(DEMO_SMS_SHARES.refused)
  const roll = random.next()
  const { delivered, notDelivered, expired } = DEMO_SMS_SHARES
  const delivery = roll < delivered ? 'delivered' : roll < delivered + notDelivered ? 'failed' : roll < delivered + notDelivered + expired ? 'expired' : null
  // An expired message is reported when the gateway gives up on it (a day); the others within minutes.
  const reportAfterSeconds = delivery === 'expired' ? 86_400 : random.int(3, delivery === 'failed' ? 1_800 : 240)
  return { withdrew, refused, delivery, reportAfterSeconds }
}
