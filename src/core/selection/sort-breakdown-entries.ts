/**
 * The order of a breakdown's lines: largest count first, ties by key (no key last), so that every
 * engine answering a count lists the same lines in the same order.
 */
export function sortBreakdownEntries<K extends string | null>(entries: { key: K; count: number }[]): { key: K; count: number }[] {
  return entries.sort((a, b) => b.count - a.count || compareKeys(a.key, b.key))
}

function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}
