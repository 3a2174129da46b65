import { z } from 'zod'
import { CHANNELS } from './channels.ts'
import { CONTACT_STATES } from './contact-states.ts'
import { EXPORT_FORMATS } from './export-formats.ts'
import { LANGUAGES } from './language.ts'
import { optionalParam, recordIdParam } from './query-params.ts'

// A wave's or a program's contacts, one line per contact (issue 8, item 7). Paged by keyset — the
// newest contact first, `before` the last line's id — not by offset: the 2,000th page of a 100k
// wave costs what the first does.

export const CONTACT_HISTORY_MAX_PAGE = 200

export const contactHistoryFilter = {
  state: optionalParam(z.enum(CONTACT_STATES)),
  channel: optionalParam(z.enum(CHANNELS)),
}

export const contactHistoryQuery = z.object({
  ...contactHistoryFilter,
  /** The id of the last line of the page before: the next page holds older contacts. */
  before: optionalParam(recordIdParam),
  limit: z.coerce.number().int().min(1).max(CONTACT_HISTORY_MAX_PAGE).default(50),
})
export type ContactHistoryQuery = z.infer<typeof contactHistoryQuery>

export const contactHistoryExportQuery = z.object({
  ...contactHistoryFilter,
  /** XLSX is refused for more contacts than an Excel sheet holds (1,048,576 rows): CSV has no limit. */
  format: optionalParam(z.enum(EXPORT_FORMATS)).transform((format) => format ?? 'csv'),
  lang: optionalParam(z.enum(LANGUAGES)).transform((lang) => lang ?? 'en'),
})

export const contactHistoryLine = z.object({
  id: z.number(),
  clientId: z.number(),
  bankId: z.string(),
  fullName: z.string(),
  /** Where the message went (e-mail or phone, as it was then), masked as the client's field is for the role. */
  address: z.string().nullable(),
  program: z.string(),
  wave: z.number(),
  channel: z.enum(CHANNELS),
  state: z.enum(CONTACT_STATES),
  /** Why the policy stopped it just before the send (skipped only). */
  skipReason: z.string().nullable(),
  /** The provider's delivery report (SMS), and when. */
  deliveryStatus: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  queuedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  updatedAt: z.string(),
  attempts: z.number(),
  /** The retry due after a temporary failure or quiet hours (queued only). */
  nextAttemptAt: z.string().nullable(),
  error: z.string().nullable(),
})
export type ContactHistoryLine = z.infer<typeof contactHistoryLine>

export const contactHistoryPage = z.object({
  items: z.array(contactHistoryLine),
  /** `before` for the next page; null on the last one. */
  next: z.number().nullable(),
})
export type ContactHistoryPage = z.infer<typeof contactHistoryPage>
