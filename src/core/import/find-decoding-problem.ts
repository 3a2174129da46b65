import { reason } from '../../contract/reason-codes.ts'
import type { RowProblem } from './row-problem.ts'

export type FindDecodingProblemInput = {
  cells: readonly string[]
  encoding: string
  /** Whether the decoder has met bytes that are not valid in the encoding (they became U+FFFD). */
  invalidBytes: boolean
}

// What Windows-1251 makes of UTF-8 Cyrillic: 'Р' or 'С' (the lead bytes D0, D1) followed by one of
// the characters of bytes 80–BF. Two such pairs in a row never occur in Russian text ("ВСЁ" holds one).
const CONTINUATIONS = [
  0x402, 0x403, 0x201a, 0x453, 0x201e, 0x2026, 0x2020, 0x2021, 0x20ac, 0x2030, 0x409, 0x2039, 0x40a, 0x40c, 0x40b, 0x40f,
  0x452, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2122, 0x459, 0x203a, 0x45a, 0x45c, 0x45b, 0x45f,
  0xa0, 0x40e, 0x45e, 0x408, 0xa4, 0x490, 0xa6, 0xa7, 0x401, 0xa9, 0x404, 0xab, 0xac, 0xad, 0xae, 0x407,
  0xb0, 0xb1, 0x406, 0x456, 0x491, 0xb5, 0xb6, 0xb7, 0x451, 0x2116, 0x454, 0xbb, 0x458, 0x405, 0x455, 0x457,
]
const UTF8_AS_1251 = new RegExp(`(?:[\u0420\u0421][${String.fromCharCode(...CONTINUATIONS)}]){2}`)

/**
 * Why a row's text did not decode cleanly, if it did not: bytes that are not valid in the file's
 * encoding, or UTF-8 text in a file read as Windows-1251. Such a row is rejected with its line,
 * so that no stored name is ever overwritten with garbled text.
 */
export function findDecodingProblem({ cells, encoding, invalidBytes }: FindDecodingProblemInput): RowProblem | undefined {
  if (invalidBytes && cells.some((cell) => cell.includes('\ufffd'))) {
    return {
      message: `the row holds bytes that are not valid ${encoding} (does the file mix encodings?)`,
      details: reason('import.bad_encoding', { encoding }),
    }
  }
  if (encoding === 'windows-1251' && cells.some((cell) => UTF8_AS_1251.test(cell))) {
    return {
      message: `the row holds UTF-8 text in a file read as ${encoding} (does the file mix encodings?)`,
      details: reason('import.utf8_in_1251', { encoding }),
    }
  }
  return undefined
}
