// A contact's life (issue 8, item 3): one row per (wave, member, channel), written `queued` before
// the provider is called. `sending` is set, and committed, just before the call; the provider's
// answer moves it to `sent` (with the provider's message id) or `failed`, or back to `queued` for a
// retry after a temporary failure (SMTP 4xx, throttling). A crash between the call and the commit
// leaves `sending`: reconciliation asks the provider (SMTP: the Message-ID; SMS: the gateway's
// status by our id) and moves it to `sent`, `failed` or `unknown` — never re-sends it blindly. A
// row `skipped` was stopped by the contact policy checked again just before the send.

import type { ContactState } from '../../contract/contact-states.ts'

const MOVES: Record<ContactState, readonly ContactState[]> = {
  queued: ['sending', 'skipped'],
  sending: ['sent', 'failed', 'queued', 'unknown'],
  // Reconciliation may still learn the truth of an unknown send.
  unknown: ['sent', 'failed'],
  sent: [],
  failed: [],
  skipped: [],
}

export function contactMoves(from: ContactState): readonly ContactState[] {
  return MOVES[from]
}

export function mayMoveContact(from: ContactState, to: ContactState): boolean {
  return MOVES[from].includes(to)
}

/** Final states: a wave is finished only when every row of it is in one of them. */
export function isFinalContactState(state: ContactState): boolean {
  return MOVES[state].length === 0
}
