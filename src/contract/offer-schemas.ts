import { z } from 'zod'
import { offerCode } from './offer-code.ts'
import { OFFER_STATUSES } from './offer-statuses.ts'
import { isoDate } from './program-schemas.ts'

// The requests and answers of /api/offers (src/http/routes/offer-routes.ts), shared with the web.
// An offer is what the bank proposes (DESIGN.md glossary), written by the marketer: its terms and a
// template per channel. Every change appends a version; the head or a manager approves a version
// written by someone else (four eyes), and a change after approval voids it (back to draft).

export { OFFER_STATUSES, type OfferStatus } from './offer-statuses.ts'

/** The channels an offer has a template for (contract/channels.ts names the same four). */
export const OFFER_CHANNELS = ['email', 'sms', 'letter', 'call'] as const
export type OfferChannel = (typeof OFFER_CHANNELS)[number]

/** The parts of a template, as a template error names them. */
export const OFFER_TEMPLATE_PARTS = ['subject', 'body_html', 'body_text', 'script'] as const
export type OfferTemplatePart = (typeof OFFER_TEMPLATE_PARTS)[number]

/** Which parts each channel has: an e-mail has a subject, HTML and text; an SMS only text; a letter HTML (printed); a call a script. */
export const CHANNEL_PARTS: Record<OfferChannel, readonly OfferTemplatePart[]> = {
  email: ['subject', 'body_html', 'body_text'],
  sms: ['body_text'],
  letter: ['body_html'],
  call: ['script'],
}

/** Templates are short texts; a longer one is refused before LiquidJS parses it (its parseLimit). */
export const TEMPLATE_MAX_LENGTH = 20_000

export { offerCode } from './offer-code.ts'

const templateText = z.string().max(TEMPLATE_MAX_LENGTH).nullable()

/** A call's objection, as the client puts it, and the operator's answer (a template like the script). */
export const callObjectionSchema = z.object({
  objection: z.string().trim().min(1).max(500),
  answer: z.string().trim().min(1).max(4000),
}).strict()
export type CallObjection = z.infer<typeof callObjectionSchema>
export const CALL_OBJECTIONS_MAX = 20

export const offerTemplateSchema = z.object({
  channel: z.enum(OFFER_CHANNELS),
  subject: templateText.default(null),
  bodyHtml: templateText.default(null),
  bodyText: templateText.default(null),
  /** A call's opening and pitch. */
  script: templateText.default(null),
  /** A call's objections with their answers; only a call template has them. */
  objections: z.array(callObjectionSchema).max(CALL_OBJECTIONS_MAX).default([]),
}).strict()
export type OfferTemplate = z.infer<typeof offerTemplateSchema>

/**
 * A call template as the operator's workspace shows it: the opening and pitch, then the answers to
 * the client's objections. Rendered for a client, both are plain text (the fields filled in).
 */
export type CallScript = { script: string | null; objections: CallObjection[] }
export const callScriptSchema = z.object({ script: z.string().nullable(), objections: z.array(callObjectionSchema) })

const offerFields = {
  name: z.string().trim().min(1).max(200),
  /** A product code from the catalogue, or null for an offer not tied to one product. */
  product: z.string().trim().min(1).max(40).nullable().default(null),
  terms: z.string().trim().max(4000).nullable().default(null),
  /** A fraction: 0.125 is 12.5 %. */
  rate: z.number().min(0).max(1).nullable().default(null),
  termMonths: z.number().int().min(1).max(600).nullable().default(null),
  /** Roubles. */
  amount: z.number().min(0).max(1e12).nullable().default(null),
  validFrom: isoDate.nullable().default(null),
  validUntil: isoDate.nullable().default(null),
  /**
   * The page the offer leads to (https://bank.example/cards/gold). Templates put it in with
   * `{{ offer.link }}`; a wave's e-mail and SMS carry it as a signed tracked link that counts clicks.
   */
  link: z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2000).nullable().default(null),
  templates: z.array(offerTemplateSchema).max(OFFER_CHANNELS.length).refine((list) => new Set(list.map((t) => t.channel)).size === list.length, 'each channel once').default([]),
}

/** An offer's content, the code and version aside (what a version stores). */
export const offerContentSchema = z.object(offerFields).strict()

/** POST /api/offers. */
export const createOfferBody = z.object({ code: offerCode, ...offerFields }).strict()
export type CreateOfferBody = z.infer<typeof createOfferBody>

/** PUT /api/offers/:code: the whole new version; `version` is the one the author read. */
export const replaceOfferBody = z.object({ version: z.number().int().positive().optional(), ...offerFields }).strict()
export type ReplaceOfferBody = z.infer<typeof replaceOfferBody>
export type OfferContent = Omit<ReplaceOfferBody, 'version'>

export const approveOfferBody = z.object({ version: z.number().int().positive().optional() }).strict()

/** POST /api/offers/:code/retire: why, for the audit log. */
export const retireOfferBody = z.object({ version: z.number().int().positive().optional(), comment: z.string().trim().max(2000).optional() }).strict()

export const previewOfferBody = z.object({
  channel: z.enum(OFFER_CHANNELS),
  clientId: z.number().int().positive().max(2_147_483_647),
  /** The language of the money and percent formats; the bank writes to its clients in Russian. */
  language: z.enum(['ru', 'en']).default('ru'),
}).strict()

/** GET /api/offers/:code/preview.pdf: the letter for a client, as printed. */
export const previewOfferPdfQuery = z.object({
  channel: z.literal('letter'),
  clientId: z.coerce.number().int().positive().max(2_147_483_647),
  language: z.enum(['ru', 'en']).default('ru'),
}).strict()

const person = z.object({ id: z.number().nullable(), login: z.string(), fullName: z.string().nullable() })

export const offerDetail = z.object({
  code: z.string(),
  version: z.number(),
  status: z.enum(OFFER_STATUSES),
  name: z.string(),
  product: z.string().nullable(),
  productName: z.string().nullable(),
  terms: z.string().nullable(),
  rate: z.number().nullable(),
  termMonths: z.number().nullable(),
  amount: z.number().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  link: z.string().nullable(),
  templates: z.array(offerTemplateSchema),
  createdBy: person,
  createdAt: z.string(),
  approvedBy: person.nullable(),
  approvedAt: z.string().nullable(),
  retiredBy: person.nullable(),
  retiredAt: z.string().nullable(),
})
export type OfferDetail = z.infer<typeof offerDetail>

export const offerListItem = offerDetail.omit({ templates: true, terms: true }).extend({ channels: z.array(z.enum(OFFER_CHANNELS)) })
export const offerList = z.object({ items: z.array(offerListItem) })

export const smsCountSchema = z.object({
  encoding: z.enum(['gsm7', 'ucs2']),
  units: z.number(),
  segments: z.number(),
  perSegment: z.number(),
  left: z.number(),
  ucs2Characters: z.array(z.string()),
})

/** POST /api/offers/:code/preview: each part of the channel's template rendered for the client. */
export const offerPreview = z.object({
  code: z.string(),
  version: z.number(),
  channel: z.enum(OFFER_CHANNELS),
  clientId: z.number(),
  parts: z.array(z.object({ part: z.enum(OFFER_TEMPLATE_PARTS), text: z.string() })),
  /** An SMS's count of characters and segments (contract/count-sms-segments.ts). */
  sms: smsCountSchema.optional(),
  /** A call's script with its objections and answers, rendered (what the operator's workspace shows). */
  callScript: callScriptSchema.optional(),
  /** The personal fields masked for the viewer's role. */
  masked: z.array(z.string()),
})
export type OfferPreview = z.infer<typeof offerPreview>
