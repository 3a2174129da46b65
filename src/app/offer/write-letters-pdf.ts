import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import type { Language } from '../../contract/language.ts'
import type { BankLetterhead, LetterToPrint } from '../../contract/letter-schemas.ts'
import { formatOfferDate } from '../../core/offer/format-offer-values.ts'

// DejaVu Sans from its npm package, as the program report: Cyrillic, «», №, ₽ embedded (subset).
const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`)
const FONTS = { regular: fontFile('DejaVuSans.ttf'), bold: fontFile('DejaVuSans-Bold.ttf') }

type Doc = InstanceType<typeof PDFDocument>

// A4 with 2 cm side margins; the bottom margin leaves room for the footer under the text.
const MARGIN = { top: 42, bottom: 72, left: 57, right: 57 }
const WIDTH = 595.28 - MARGIN.left - MARGIN.right
const INK = '#212529'
const BRAND = '#1c3d5a'
const MUTED = '#6c757d'

const WORDS = {
  ru: { to: 'Кому:', where: 'Куда:', noAddress: 'адрес не указан', regards: 'С уважением,', page: 'стр.' },
  en: { to: 'To:', where: 'Address:', noAddress: 'no address', regards: 'Yours sincerely,', page: 'page' },
} as const

export type WriteLettersPdfInput = {
  letters: readonly LetterToPrint[]
  bank: BankLetterhead
  /** The letters' own language (the bank writes to its clients in Russian). */
  language?: Language
  /** The PDF's creation date (left out: now); fixed in tests so the same letters give the same file. */
  createdAt?: Date
}

export type LettersPdf = {
  pdf: Buffer
  /** The page (1-based) each letter starts on, in the order given: the print shop matches envelopes by it. */
  startPages: number[]
  pageCount: number
}

/**
 * One PDF of a print batch (A4): each letter on a new page with the bank's letterhead, the
 * recipient's address block, the date dd.mm.yyyy, the subject, the body, the signature, and the
 * footer with the bank's details on every page; a long letter runs on to further pages.
 */
export function writeLettersPdf(input: WriteLettersPdfInput): Promise<LettersPdf> {
  const words = WORDS[input.language ?? 'ru']
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, autoFirstPage: false, lang: input.language ?? 'ru', info: { Title: input.bank.name, Author: 'Otklik', CreationDate: input.createdAt ?? new Date() } })
  doc.registerFont('regular', FONTS.regular)
  doc.registerFont('bold', FONTS.bold)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const startPages: number[] = []
  let pageCount = 0
  let pageOfLetter = 0
  // Every page, the first of a letter or one a long body runs on to, gets the footer when it opens.
  doc.on('pageAdded', () => {
    pageCount += 1
    pageOfLetter += 1
    drawFooter(doc, input.bank, pageOfLetter > 1 ? `${words.page} ${pageOfLetter}` : null)
  })
  const done = new Promise<LettersPdf>((resolve, reject) => {
    doc.on('end', () => resolve({ pdf: Buffer.concat(chunks), startPages, pageCount }))
    doc.on('error', reject)
  })
  for (const letter of input.letters) {
    pageOfLetter = 0
    doc.addPage()
    startPages.push(pageCount)
    writeLetter(doc, letter, input.bank, words)
  }
  doc.end()
  return done
}

type Words = (typeof WORDS)[keyof typeof WORDS]

function writeLetter(doc: Doc, letter: LetterToPrint, bank: BankLetterhead, words: Words): void {
  drawLetterhead(doc, bank)
  const top = doc.y + 18
  doc.font('regular').fontSize(10).fillColor(INK).text(formatOfferDate(letter.date), MARGIN.left, top, { width: 200 })
  const block = { x: MARGIN.left + WIDTH - 230, width: 230 }
  doc.font('bold').fontSize(10).text(`${words.to} ${letter.recipient.fullName}`, block.x, top, { width: block.width })
  doc.font('regular').fontSize(10).text(`${words.where} ${letter.recipient.address?.trim() || words.noAddress}`, block.x, doc.y + 2, { width: block.width })
  doc.y = Math.max(doc.y, top + 14) + 26
  if (letter.subject) {
    doc.font('bold').fontSize(11).fillColor(INK).text(letter.subject, MARGIN.left, doc.y, { width: WIDTH })
    doc.moveDown(0.8)
  }
  writeBody(doc, letter.bodyText)
  writeSignature(doc, bank, words)
}

function drawLetterhead(doc: Doc, bank: BankLetterhead): void {
  doc.font('bold').fontSize(15).fillColor(BRAND).text(bank.name, MARGIN.left, MARGIN.top, { width: WIDTH })
  const contacts = [bank.address, bank.phone, bank.website].filter(Boolean).join(' · ')
  doc.font('regular').fontSize(8).fillColor(MUTED).text(contacts, { width: WIDTH })
  if (bank.license) doc.text(bank.license, { width: WIDTH })
  const y = doc.y + 6
  doc.moveTo(MARGIN.left, y).lineTo(MARGIN.left + WIDTH, y).lineWidth(1.2).strokeColor(BRAND).stroke()
  doc.y = y
}

/** Paragraphs justified with a gap between them; «• » and «— » lines as a hanging list. */
function writeBody(doc: Doc, bodyText: string): void {
  doc.font('regular').fontSize(10.5).fillColor(INK)
  for (const paragraph of bodyText.trim().split(/\n\s*\n/u)) {
    for (const line of paragraph.split('\n')) {
      const item = /^([•—–-])\s+(.*)$/u.exec(line.trim())
      if (item) doc.text(`•  ${item[2]}`, MARGIN.left + 14, doc.y, { width: WIDTH - 14, lineGap: 2, indent: -9 })
      else doc.text(line.trim(), MARGIN.left, doc.y, { width: WIDTH, align: 'justify', lineGap: 2 })
    }
    doc.moveDown(0.6)
  }
}

function writeSignature(doc: Doc, bank: BankLetterhead, words: Words): void {
  // The signature is never left alone at the top of a page: it moves over with the last lines' room.
  if (doc.y > doc.page.height - MARGIN.bottom - 60) doc.addPage()
  doc.moveDown(0.6)
  doc.font('regular').fontSize(10.5).fillColor(INK).text(words.regards, MARGIN.left, doc.y, { width: WIDTH })
  const y = doc.y + 4
  doc.text(bank.signatory.title, MARGIN.left, y, { width: WIDTH / 2 })
  doc.text(bank.signatory.name, MARGIN.left + WIDTH / 2, y, { width: WIDTH / 2, align: 'right' })
}

// pdfkit's own text state, which a text running on to a new page continues with: the footer draws
// in its own font and colour, then puts the running text's back (pdfkit has no save for these).
type TextState = { _font: unknown; _fontSize: number; _fillColor?: [string, number | undefined] }

function drawFooter(doc: Doc, bank: BankLetterhead, pageLabel: string | null): void {
  const { x, y } = doc
  const state = doc as unknown as TextState
  const running = { font: state._font, size: state._fontSize, color: state._fillColor }
  // Below the bottom margin: without lifting it, pdfkit would open a new page for the footer.
  doc.page.margins.bottom = 0
  const line = doc.page.height - 44
  doc.moveTo(MARGIN.left, line - 6).lineTo(MARGIN.left + WIDTH, line - 6).lineWidth(0.5).strokeColor('#ced4da').stroke()
  const details = [bank.name, bank.license, bank.phone, bank.website].filter(Boolean).join(' · ')
  doc.font('regular').fontSize(7).fillColor(MUTED).text(details, MARGIN.left, line, { width: WIDTH - (pageLabel ? 60 : 0), lineBreak: true, height: 20, ellipsis: true })
  if (pageLabel) doc.text(pageLabel, MARGIN.left + WIDTH - 60, line, { width: 60, align: 'right', lineBreak: false })
  doc.page.margins.bottom = MARGIN.bottom
  doc.x = x
  doc.y = y
  state._font = running.font
  state._fontSize = running.size
  doc.fillColor(running.color?.[0] ?? INK)
}
