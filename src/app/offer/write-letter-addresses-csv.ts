import { stringify } from 'csv-stringify/sync'
import type { Language } from '../../contract/language.ts'
import type { LetterToPrint } from '../../contract/letter-schemas.ts'
import { escapeFormula } from '../../core/escape-formula.ts'
import { formatOfferDate } from '../../core/offer/format-offer-values.ts'

const HEADERS = {
  ru: ['№', 'Страница PDF', 'Получатель', 'Адрес', 'Дата письма', 'Ссылка'],
  en: ['No.', 'PDF page', 'Recipient', 'Address', 'Letter date', 'Reference'],
} as const

/**
 * The address list of a print batch, one row per letter in the PDF's order with the page it starts
 * on: CSV that Excel opens cleanly (UTF-8 with a byte-order mark, `;` for Russian, `,` for English,
 * Windows line ends), each cell safe from formula injection (core/escape-formula.ts).
 */
export function writeLetterAddressesCsv(input: { letters: readonly LetterToPrint[]; startPages: readonly number[]; language?: Language }): string {
  const language = input.language ?? 'ru'
  const rows = input.letters.map((letter, index) => [
    String(index + 1),
    String(input.startPages[index] ?? ''),
    letter.recipient.fullName,
    letter.recipient.address ?? '',
    formatOfferDate(letter.date),
    letter.reference ?? '',
  ])
  const options = { delimiter: language === 'ru' ? ';' : ',', record_delimiter: 'windows' } as const
  return `\ufeff${stringify([[...HEADERS[language]], ...rows].map((row) => row.map(escapeFormula)), options)}`
}
