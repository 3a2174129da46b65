import { writeLetterAddressesCsv } from './write-letter-addresses-csv.ts'
import { writeLettersPdf, type WriteLettersPdfInput } from './write-letters-pdf.ts'

export type LetterBatch = { pdf: Buffer; csv: string; pageCount: number }

/** A letter wave's print batch: one PDF of every letter and the CSV of their addresses, in the same order. */
export async function writeLetterBatch(input: WriteLettersPdfInput): Promise<LetterBatch> {
  const { pdf, startPages, pageCount } = await writeLettersPdf(input)
  return { pdf, csv: writeLetterAddressesCsv({ letters: input.letters, startPages, language: input.language }), pageCount }
}
