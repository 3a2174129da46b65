import { CONTACT_STATES } from './contact-states.ts'
import { z } from 'zod'
import { CHANNELS } from './channels.ts'
import { CLIENT_SORTS } from './client-sorts.ts'
import { CLIENT_STATUSES } from './client-statuses.ts'
import { EXPORT_FORMATS } from './export-formats.ts'
import { LANGUAGES } from './language.ts'
import { LEAD_OUTCOMES, LEAD_ROUTES, LEAD_SOURCES, LEAD_STATUSES } from './lead-statuses.ts'
import { NOTE_KINDS, NOTE_MAX_LENGTH } from './note-kinds.ts'
import { booleanParam, optionalParam, pageParams, recordIdParam } from './query-params.ts'
import { SEGMENTS } from './segments.ts'
import { WAVE_GROUPS } from './wave-schemas.ts'

// The requests and answers of the client routes (api-contract.md "Clients"), shared by the routes
// (src/http/routes/clients-routes.ts) and the web (web/src/features/clients/client-types.ts).

export const clientSearchQuery = z.object({
  q: optionalParam(z.string().max(100)),
  branch: optionalParam(z.string().max(20)),
  segment: optionalParam(z.enum(SEGMENTS)),
  status: optionalParam(z.enum(CLIENT_STATUSES)),
  vip: optionalParam(booleanParam),
  /** Members of a wave (optionally one group): the wave's list to view or export. */
  wave: optionalParam(recordIdParam),
  group: optionalParam(z.enum(WAVE_GROUPS)),
})

export const clientListQuery = clientSearchQuery.extend({
  sort: optionalParam(z.enum(CLIENT_SORTS)).transform((sort) => sort ?? 'fullName'),
  order: optionalParam(z.enum(['asc', 'desc'])).transform((order) => order ?? 'asc'),
  ...pageParams,
})

export const clientExportQuery = clientSearchQuery.extend({
  format: optionalParam(z.enum(EXPORT_FORMATS)).transform((format) => format ?? 'csv'),
  lang: optionalParam(z.enum(LANGUAGES)).transform((lang) => lang ?? 'en'),
})

export const noteBody = z.strictObject({
  kind: z.enum(NOTE_KINDS),
  body: z.string().trim().min(1).max(NOTE_MAX_LENGTH),
})

export const clientListItem = z.object({
  id: z.number(),
  bankId: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  gender: z.enum(['M', 'F']).nullable(),
  segment: z.enum(SEGMENTS),
  vip: z.boolean(),
  status: z.enum(CLIENT_STATUSES),
  branchCode: z.string().nullable(),
  branchName: z.string().nullable(),
  regionCode: z.string().nullable(),
  clientSince: z.string().nullable(),
  monthlyIncome: z.number().nullable(),
})

export const clientList = z.object({
  total: z.number(),
  items: z.array(clientListItem),
  /** How far the caller's role may page: the largest limit and the last row offset + limit may reach. */
  bounds: z.object({ maxLimit: z.number(), maxDepth: z.number() }),
})

export const note = z.object({ id: z.number(), kind: z.enum(NOTE_KINDS), body: z.string(), createdAt: z.string(), authorName: z.string().nullable() })

export const consent = z.object({ channel: z.enum(CHANNELS), granted: z.boolean(), effectiveAt: z.string(), source: z.string().nullable() })

export const clientCard = z.object({
  client: clientListItem.extend({
    address: z.string().nullable(),
    statusDate: z.string().nullable(),
    statusReason: z.string().nullable(),
    doNotContact: z.boolean(),
    personalManager: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  }),
  holdings: z.array(
    z.object({
      id: z.number(),
      accountNo: z.string(),
      productCode: z.string(),
      productName: z.string(),
      productType: z.string(),
      openedAt: z.string(),
      closedAt: z.string().nullable(),
      balance: z.number(),
      creditLimit: z.number().nullable(),
    }),
  ),
  activity: z.array(
    z.object({
      month: z.string(),
      turnover: z.number(),
      transactions: z.number(),
      cardSpend: z.number(),
      mobileLogins: z.number(),
      branchVisits: z.number(),
    }),
  ),
  consents: z.object({ current: z.array(consent), history: z.array(consent.extend({ recordedAt: z.string() })) }),
  notes: z.array(note),
  /** The newest contacts with the client, any program, with their delivery (issue 8, item 7). */
  contacts: z.array(
    z.object({
      id: z.number(),
      channel: z.enum(CHANNELS),
      program: z.string().nullable(),
      wave: z.number().nullable(),
      status: z.enum(CONTACT_STATES),
      /** When it was sent, or queued while it is not yet. */
      at: z.string().nullable(),
      deliveryStatus: z.string().nullable(),
      skipReason: z.string().nullable(),
    }),
  ),
  /**
   * The client's leads, newest first (issue 8, item 6): the program, what the client did, the
   * status, who follows it up — the one who took it in work, else where it is routed (the personal
   * manager or the branch of the card) — and the sale that closed it. No personal field: the card's
   * own fields carry the masking.
   */
  leads: z.array(
    z.object({
      id: z.number(),
      programCode: z.string(),
      programName: z.string(),
      source: z.enum(LEAD_SOURCES),
      outcome: z.enum(LEAD_OUTCOMES),
      at: z.string(),
      status: z.enum(LEAD_STATUSES),
      route: z.enum(LEAD_ROUTES),
      workedBy: z.string().nullable(),
      sale: z.object({ productName: z.string(), amount: z.string(), date: z.string() }).nullable(),
    }),
  ),
})
