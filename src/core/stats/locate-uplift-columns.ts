import { reason } from '../../contract/reason-codes.ts'
import { normalizeHeader } from '../import/normalize-header.ts'
import { statsInputError } from './stats-input-error.ts'
import type { UpliftColumns } from './uplift-columns.ts'

/** Where each named column sits in a file's header. */
export type UpliftColumnIndexes = { score: number; treatment: number; outcome: number }

const OPTIONS: Record<keyof UpliftColumns, string> = { score: '--score', treatment: '--treatment', outcome: '--outcome' }

/**
 * Finds the columns by their header as written, or else as the imports match headers
 * (normalizeHeader: case, ё, spaces and punctuation aside); two matches are refused, not guessed.
 */
export function locateUpliftColumns(headers: readonly string[], columns: UpliftColumns): UpliftColumnIndexes {
  const find = (key: keyof UpliftColumns): number => {
    const name = columns[key]
    const exact = headers.indexOf(name.trim())
    if (exact >= 0) return exact
    const wanted = normalizeHeader(name)
    const matches = headers.flatMap((header, i) => (normalizeHeader(header) === wanted ? [i] : []))
    if (matches.length > 1) throw statsInputError(reason('stats.duplicate_column', { column: name, option: OPTIONS[key] }))
    if (matches.length === 0) {
      throw statsInputError(reason('stats.missing_column', { column: name, option: OPTIONS[key], columns: headers.join(', ') }))
    }
    return matches[0]!
  }
  return { score: find('score'), treatment: find('treatment'), outcome: find('outcome') }
}
