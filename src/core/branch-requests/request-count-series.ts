// Requests counted per bank month and group, as the chart draws them: every month of the range
// present (a month nobody asked anything is a zero, not a gap), groups largest first.

export type RequestCountRow = { month: string; key: string; label: string | null; n: number }
export type RequestCountSeries = { key: string; label: string | null; counts: number[]; total: number }

/** The months from `from` to `to` (YYYY-MM, both included). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let [year, month] = from.split('-').map(Number) as [number, number]
  for (let guard = 0; guard < 1200; guard++) {
    const text = `${year}-${String(month).padStart(2, '0')}`
    if (text > to) break
    months.push(text)
    month = month === 12 ? 1 : month + 1
    if (month === 1) year++
  }
  return months
}

export function requestCountSeries(rows: readonly RequestCountRow[], months: readonly string[]): RequestCountSeries[] {
  const at = new Map(months.map((month, i) => [month, i]))
  const byKey = new Map<string, RequestCountSeries>()
  for (const row of rows) {
    const i = at.get(row.month)
    if (i === undefined) continue
    let series = byKey.get(row.key)
    if (!series) byKey.set(row.key, (series = { key: row.key, label: row.label, counts: months.map(() => 0), total: 0 }))
    series.counts[i] = (series.counts[i] ?? 0) + row.n
    series.total += row.n
  }
  return [...byKey.values()].sort((a, b) => b.total - a.total || a.key.localeCompare(b.key))
}
