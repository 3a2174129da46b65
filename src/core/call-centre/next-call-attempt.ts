import type { CallPolicy } from '../../contract/call-policy.ts'
import type { TechnicalOutcome } from '../../contract/call-outcomes.ts'
import { checkContactWindow, type ContactWindow } from '../execution/contact-window.ts'

const MINUTE = 60_000

export type NextCallAttemptInput = {
  policy: CallPolicy
  /** The outcome of the attempt just made, and how many unreached attempts there have been with it. */
  technical: Exclude<TechnicalOutcome, 'connected'>
  attempts: number
  /** When the attempt ended (ms since the epoch). */
  at: number
  utcOffsetHours: number
  window: ContactWindow
  /** The instant the program ends (the start of the bank day after its end date), or null: no end. */
  programEndsAt: number | null
}

export type NextCallAttempt =
  | { kind: 'redial'; at: number }
  | { kind: 'exhausted' }
  | { kind: 'closed'; reason: 'wrong_number' | 'program_ended' }

/**
 * What follows an unreached call: a wrong number is never redialled; after the policy's last
 * attempt the task is exhausted; otherwise it is redialled after the outcome's interval, moved to
 * the opening of the client's local calling window when the interval ends outside it — unless
 * that is after the program's end, which closes the task.
 */
export function nextCallAttempt(input: NextCallAttemptInput): NextCallAttempt {
  if (input.technical === 'wrong_number') return { kind: 'closed', reason: 'wrong_number' }
  if (input.attempts >= input.policy.maxAttempts) return { kind: 'exhausted' }
  const after = input.at + input.policy.redialMinutes[input.technical] * MINUTE
  const open = checkContactWindow(after, input.utcOffsetHours, input.window)
  const at = open.allowed ? after : open.nextAt
  if (input.programEndsAt !== null && at >= input.programEndsAt) return { kind: 'closed', reason: 'program_ended' }
  return { kind: 'redial', at }
}
