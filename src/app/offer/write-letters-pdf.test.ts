import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LetterToPrint } from '../../contract/letter-schemas.ts'
import { DEFAULT_BANK_LETTERHEAD } from '../../core/offer/default-bank-letterhead.ts'
import { readPdfText } from '../../../test/read-pdf-text.ts'
import { writeLetterBatch } from './write-letter-batch.ts'

const SHOTS = '/tmp/shots/letters'
const NBSP = '\u00a0'
const paragraph = 'Срок вашего вклада подходит к концу. Продлите его ещё на 12 месяцев — и мы добавим 0,5 % к ставке; продление займёт пару минут в мобильном банке или в отделении.'
const LETTERS: LetterToPrint[] = [
  {
    recipient: { fullName: 'Иванов Иван Петрович', address: '620014, г. Екатеринбург, ул. Малышева, д. 5, кв. 12' },
    date: '2026-12-03',
    subject: 'Продление вклада «Доходный» с надбавкой 0,5 %',
    bodyText: `Уважаемый Иван Петрович!\n\n${paragraph}\n\n• Ставка 16${NBSP}% годовых\n• Сумма от 50${NBSP}000${NBSP}₽`,
    reference: 'contact-1',
  },
  // Long enough to run on to a second page.
  { recipient: { fullName: 'Петрова Анна Ивановна', address: null }, date: '2026-12-04', bodyText: Array.from({ length: 24 }, () => paragraph).join('\n\n') },
  { recipient: { fullName: '=HYPERLINK("x")', address: 'г. Москва' }, date: '2026-12-05', bodyText: 'Коротко.' },
]

describe('writeLetterBatch', () => {
  it('writes one PDF, a letter from a new page each with letterhead, address, date, body, signature and footer', async () => {
    const batch = await writeLetterBatch({ letters: LETTERS, bank: DEFAULT_BANK_LETTERHEAD, createdAt: new Date('2026-12-03T09:00:00Z') })
    mkdirSync(SHOTS, { recursive: true }) // a clean machine has no screenshot folder yet
    writeFileSync(join(SHOTS, 'letters-ru.pdf'), batch.pdf)
    const { pages, pageTexts } = await readPdfText(batch.pdf)
    expect(pages).toBe(4)
    expect(batch.pageCount).toBe(4)
    const [first, second, third, fourth] = pageTexts as [string, string, string, string]
    for (const word of ['АО «Банк Отклик»', '8 800 100-00-00', 'Кому: Иванов Иван Петрович', 'Куда: 620014, г. Екатеринбург, ул. Малышева, д. 5, кв. 12', '03.12.2026',
      'Продление вклада «Доходный» с надбавкой 0,5 %', 'Уважаемый Иван Петрович!', '• Ставка 16 % годовых', '• Сумма от 50 000 ₽', 'С уважением,', 'Директор департамента CRM', 'М. В. Соколова']) {
      expect(first).toContain(word)
    }
    expect(second).toContain('Кому: Петрова Анна Ивановна')
    expect(second).toContain('Куда: адрес не указан')
    expect(second).not.toContain('С уважением,')
    // The long letter runs on: its second page has the footer with the page, then the signature.
    expect(third).toContain('стр. 2')
    expect(third).toContain('С уважением,')
    expect(third).not.toContain('Кому:')
    expect(fourth).toContain('05.12.2026')
    for (const page of pageTexts) expect(page).toContain('Демонстрационный банк')
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('/usr/bin/pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '3', join(SHOTS, 'letters-ru.pdf'), join(SHOTS, 'letters-ru')])
      expect(existsSync(join(SHOTS, 'letters-ru-1.png'))).toBe(true)
    }
  })

  it('lists the addresses in the same order with the page each letter starts on, safe for Excel', async () => {
    const { csv } = await writeLetterBatch({ letters: LETTERS, bank: DEFAULT_BANK_LETTERHEAD })
    expect(csv.split('\r\n')).toEqual([
      '\ufeff№;Страница PDF;Получатель;Адрес;Дата письма;Ссылка',
      '1;1;Иванов Иван Петрович;620014, г. Екатеринбург, ул. Малышева, д. 5, кв. 12;03.12.2026;contact-1',
      '2;2;Петрова Анна Ивановна;;04.12.2026;',
      `3;4;"'=HYPERLINK(""x"")";г. Москва;05.12.2026;`,
      '',
    ])
  })

  it('writes the same words in English, and an empty batch as a valid PDF of no letters', async () => {
    const { pdf, csv } = await writeLetterBatch({ letters: LETTERS.slice(0, 1), bank: DEFAULT_BANK_LETTERHEAD, language: 'en' })
    const { text } = await readPdfText(pdf)
    expect(text).toContain('To: Иванов Иван Петрович')
    expect(text).toContain('Yours sincerely,')
    expect(csv.startsWith('\ufeffNo.,PDF page,Recipient')).toBe(true)
    const empty = await writeLetterBatch({ letters: [], bank: DEFAULT_BANK_LETTERHEAD })
    expect(empty.pageCount).toBe(0)
    expect(empty.pdf.subarray(0, 5).toString()).toBe('%PDF-')
  })
})
