import type { Kysely } from 'kysely'
import type { LetterToPrint } from '../../contract/letter-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { letterTextOfHtml } from '../../core/offer/letter-text-of-html.ts'
import { renderOfferTemplate } from '../../core/offer/render-offer-template.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankLetterhead } from '../../db/stores/letterhead-store.ts'
import { bankToday } from '../bank/bank-today.ts'
import { openOfferPreview, type PreviewOfferInput } from './preview-offer.ts'
import { writeLettersPdf } from './write-letters-pdf.ts'

/**
 * The offer's letter for one client as the print batch will print it (app/offer/write-letters-pdf.ts),
 * dated the bank's today: the same scope check, masking and audit as the JSON preview
 * (openOfferPreview), so a role without clearance sees the address masked on paper too.
 */
export async function previewOfferLetterPdf(db: Kysely<Schema>, input: Omit<PreviewOfferInput, 'channel'> & { now: Date }): Promise<Buffer> {
  const { offer, template, data } = await openOfferPreview(db, { ...input, channel: 'letter', format: 'pdf' })
  const rendered = renderOfferTemplate({ part: 'body_html', text: template.bodyHtml ?? '', data, language: input.language })
  if (!rendered.ok) throw new DomainError('invalid_input', 'The letter template does not render', { ...rendered.reason, channel: 'letter' })
  if (rendered.text.trim() === '') throw new DomainError('invalid_input', `Offer ${offer.code} has no letter text`, reason('offer.no_template', { channel: 'letter' }))
  const letter: LetterToPrint = {
    recipient: { fullName: String(data.client.full_name ?? ''), address: data.client.address === null ? null : String(data.client.address) },
    date: await bankToday(db, input.now),
    subject: offer.name,
    bodyText: letterTextOfHtml(rendered.text),
  }
  const { pdf } = await writeLettersPdf({ letters: [letter], bank: await readBankLetterhead(db), language: input.language, createdAt: input.now })
  return pdf
}
