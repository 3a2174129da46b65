export type CsvValue = string | number | boolean | null | undefined

// COPY … WITH (FORMAT csv) reads an unquoted empty field as NULL and "" as an empty string; a field
// holding a quote, the delimiter or a line break must be quoted, and so must a lone \. (end of data).
const NEEDS_QUOTES = /[",\n\r]|^\\\.$/

/** One CSV line (with its newline) for COPY: null → NULL, booleans → t/f. */
export function toCsvLine(values: readonly CsvValue[]): string {
  let line = ''
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ','
    line += csvField(values[i])
  }
  return `${line}\n`
}

/** One CSV field for COPY: null → NULL (empty), '' → "", quoted when it must be. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to CSV`)
    return String(value)
  }
  if (value === '') return '""'
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}
