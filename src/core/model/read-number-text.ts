import { parseNumberCell } from '../import/parse-number-cell.ts'

// What programs write (1234.5, -0.25, 1e-05) first; then the amounts the imports read, Russian
// exports' '1 234,56' included (import/parse-number-cell.ts: one ',' or '.' is a decimal point).
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/** The number a cell holds, or undefined when it holds none (an empty cell included). */
export function readNumberText(text: string): number | undefined {
  const trimmed = text.trim()
  if (PLAIN.test(trimmed)) return Number(trimmed)
  const canonical = trimmed === '' ? undefined : parseNumberCell(trimmed, 15)
  return canonical === undefined ? undefined : Number(canonical)
}
