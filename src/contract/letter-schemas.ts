import { z } from 'zod'

// A print batch of letters (issue 8, item 4): what the letter writer (app/offer/write-letters-pdf.ts)
// takes. The sending engine renders each member's letter template, turns its HTML into text
// (core/offer/letter-text-of-html.ts) and hands the list over with the bank's letterhead.

/** One rendered letter. `date` is the letter's day, YYYY-MM-DD (printed dd.mm.yyyy). */
export type LetterToPrint = {
  recipient: { fullName: string; address: string | null }
  date: string
  subject?: string | null
  /** Plain text: paragraphs separated by a blank line, lines starting «— » or «• » as list items. */
  bodyText: string
  /** The sender's own reference for the CSV (a contact id, a member id); optional. */
  reference?: string
}

/** The bank's details on the letterhead, in the signature and in the footer (bank_settings 'letterhead'). */
export const bankLetterheadSchema = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(300),
  phone: z.string().trim().max(60),
  website: z.string().trim().max(100).nullable().default(null),
  license: z.string().trim().max(200).nullable().default(null),
  signatory: z.object({ name: z.string().trim().min(1).max(200), title: z.string().trim().min(1).max(200) }),
})
export type BankLetterhead = z.infer<typeof bankLetterheadSchema>
