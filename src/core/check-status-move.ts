import { reason } from '../contract/reason-codes.ts'
import { DomainError } from './domain-error.ts'

/** The records whose status moves by a table and whose refusal has its own reason code. */
const REFUSALS = {
  product_idea: { reason: 'product_idea.move_not_allowed', noun: 'A product idea' },
  it_task: { reason: 'it_task.move_not_allowed', noun: 'An IT task' },
} as const

export type StatusMoveInput<S extends string> = { what: keyof typeof REFUSALS; moves: Record<S, readonly S[]>; from: S; to: S }

/** Refuses a move the table has not: 409, naming the status and the moves open from it. */
export function checkStatusMove<S extends string>({ what, moves, from, to }: StatusMoveInput<S>): void {
  if (moves[from].includes(to)) return
  const allowed = moves[from].join(', ') || 'none'
  const refusal = REFUSALS[what]
  throw new DomainError('conflict', `${refusal.noun} in status ${from} cannot move to ${to}; allowed: ${allowed}`, reason(refusal.reason, { status: from, to, allowed }))
}
