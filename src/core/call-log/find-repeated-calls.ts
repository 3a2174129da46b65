import { REPEAT_CALL_DAYS, type CallDirection } from '../../contract/call-log.ts'

// First-call resolution (issue 10, item 6): a client's inbound call settled their question when
// they did not call again within 7 days. "7 days" is 7 × 24 hours after the call began — a call
// on Monday 18:00 is repeated by one up to the next Monday 18:00 — the same in every time zone.
// Only the client's own calls count, both ways: an outbound call is the bank's, neither repeated
// nor a repeat. The SQL twin is in db/stores/call-analysis-store.ts (REPEATED_SQL); a test holds
// the two equal on random calls.
export const REPEAT_WINDOW_MS = REPEAT_CALL_DAYS * 24 * 3_600_000

export type RepeatFact = { clientId: number; startedAt: number; direction: CallDirection }

/** The indexes of the inbound calls that another inbound call of the same client followed within the window. */
export function findRepeatedCalls(calls: readonly RepeatFact[]): Set<number> {
  const byClient = new Map<number, number[]>()
  calls.forEach((call, index) => {
    if (call.direction !== 'inbound') return
    byClient.set(call.clientId, [...(byClient.get(call.clientId) ?? []), index])
  })
  const repeated = new Set<number>()
  for (const indexes of byClient.values()) {
    indexes.sort((a, b) => calls[a].startedAt - calls[b].startedAt)
    for (let i = 0; i + 1 < indexes.length; i++) {
      const gap = calls[indexes[i + 1]].startedAt - calls[indexes[i]].startedAt
      if (gap > 0 && gap <= REPEAT_WINDOW_MS) repeated.add(indexes[i])
    }
  }
  return repeated
}
