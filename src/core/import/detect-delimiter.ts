const CANDIDATES = [';', ',', '\t', '|'] as const
export type CsvDelimiter = (typeof CANDIDATES)[number]

export function isCsvDelimiter(value: string): value is CsvDelimiter {
  return (CANDIDATES as readonly string[]).includes(value)
}

/**
 * The delimiter of a CSV file, judged by its header line: the candidate that occurs most often
 * outside quotes (';' wins a tie: Russian exports use it because ',' is their decimal point).
 * A header of one column has none; ',' is as good as any then.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<string, number>()
  let quoted = false
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (CANDIDATES as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1)
  }
  let best: CsvDelimiter = ','
  let bestCount = 0
  for (const candidate of CANDIDATES) {
    const count = counts.get(candidate) ?? 0
    if (count > bestCount) {
      best = candidate
      bestCount = count
    }
  }
  return best
}
