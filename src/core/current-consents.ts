export type ConsentRecord = { channel: string; granted: boolean; effectiveAt: string; source: string | null }

/**
 * The consent in force on each channel: the record with the latest effective time, whatever the
 * order it was recorded in (an old export loaded late never overrides a newer opt-out). When two
 * records take effect at the same moment, the refusal wins: contact policy errs on the safe side.
 */
export function currentConsents<T extends ConsentRecord>(history: readonly T[]): T[] {
  const byChannel = new Map<string, T>()
  for (const record of history) {
    const held = byChannel.get(record.channel)
    if (!held || isLater(record, held)) byChannel.set(record.channel, record)
  }
  return [...byChannel.values()].sort((a, b) => a.channel.localeCompare(b.channel))
}

function isLater(record: ConsentRecord, held: ConsentRecord): boolean {
  const a = Date.parse(record.effectiveAt)
  const b = Date.parse(held.effectiveAt)
  if (a !== b) return a > b
  return !record.granted && held.granted
}
