export type ConsentRecord = { channel: string; granted: boolean; effectiveAt: string; source: string | null }

/**
 * The consent in force on each channel: the record with the latest effective time, whatever the
 * order it was recorded in (an old export loaded late never overrides a newer opt-out). When two
 * records take effect at the same moment, the refusal wins: contact policy errs on the safe side.
 * With `before` (an instant in ms), only records that took effect before it count: the consent in
 * force at the end of a bank day. The SQL twin is db/stores/current-consents-sql.ts, held equal to
 * this by a test on random histories with ties.
 */
export function currentConsents<T extends ConsentRecord>(history: readonly T[], before?: number): T[] {
  const byChannel = new Map<string, T>()
  for (const record of history) {
    if (before !== undefined && !(Date.parse(record.effectiveAt) < before)) continue
    const held = byChannel.get(record.channel)
    if (!held || prevails(record, held)) byChannel.set(record.channel, record)
  }
  return [...byChannel.values()].sort((a, b) => a.channel.localeCompare(b.channel))
}

/** Whether the client had granted contact on the channel before the instant: no record is no consent. */
export function consentInForce(history: readonly ConsentRecord[], channel: string, before: number): boolean {
  return currentConsents(history.filter((r) => r.channel === channel), before)[0]?.granted ?? false
}

function prevails(record: ConsentRecord, held: ConsentRecord): boolean {
  const a = Date.parse(record.effectiveAt)
  const b = Date.parse(held.effectiveAt)
  if (a !== b) return a > b
  return !record.granted && held.granted
}
