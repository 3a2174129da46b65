import { z } from 'zod'
import { LEAD_OUTCOMES, LEAD_ROUTES, LEAD_SOURCES, LEAD_STATUSES } from './lead-statuses.ts'
import { isoDate } from './program-schemas.ts'
import { idParams } from './query-params.ts'

// The requests and answers of /api/leads (src/http/routes/lead-routes.ts), shared with the web.
// Money is exact: roubles as decimal strings ('125000.50').

export const leadListQuery = z.object({
  status: z.enum(LEAD_STATUSES).optional(),
  program: z.string().trim().min(1).max(64).optional(),
}).strict()
export type LeadListQuery = z.infer<typeof leadListQuery>

/** A lead's id (bigserial, but counted like every record id: contract/query-params.ts). */
export const leadParams = idParams

const roubles = z.string().trim().regex(/^\d{1,14}(\.\d{1,2})?$/, 'roubles as a decimal string, at most two decimals: "125000.50"').refine((text) => Number(text) > 0, 'more than zero')

export const leadSaleBody = z.object({
  /** A product code from the catalogue: what the client bought. */
  product: z.string().trim().min(1).max(40),
  amount: roubles,
  date: isoDate,
  /** The client's holding the sale opened, when it is in the base already. */
  holdingId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable().default(null),
}).strict()

/**
 * PATCH /api/leads/:id: a move (contract/lead-statuses.ts LEAD_MOVES) and/or the next follow-up
 * date. Closing as won needs the sale, as lost the reason; neither goes with another status.
 */
export const leadPatchBody = z.object({
  status: z.enum(LEAD_STATUSES).optional(),
  nextFollowUp: isoDate.nullable().optional(),
  lostReason: z.string().trim().min(1).max(500).optional(),
  sale: leadSaleBody.optional(),
}).strict().superRefine((body, ctx) => {
  if (body.status === undefined && body.nextFollowUp === undefined) ctx.addIssue({ code: 'custom', path: ['status'], message: 'give a status or a nextFollowUp date' })
  if (body.status === 'won' && !body.sale) ctx.addIssue({ code: 'custom', path: ['sale'], message: 'a lead closed as won needs its sale' })
  if (body.status !== 'won' && body.sale) ctx.addIssue({ code: 'custom', path: ['sale'], message: 'a sale goes only with status won' })
  if (body.status === 'lost' && !body.lostReason) ctx.addIssue({ code: 'custom', path: ['lostReason'], message: 'a lead closed as lost needs its reason' })
  if (body.status !== 'lost' && body.lostReason) ctx.addIssue({ code: 'custom', path: ['lostReason'], message: 'a reason goes only with status lost' })
})
export type LeadPatchBody = z.infer<typeof leadPatchBody>

export const leadNoteBody = z.object({ text: z.string().trim().min(1).max(2000) }).strict()

export const leadItem = z.object({
  id: z.number(),
  clientId: z.number(), bankId: z.string(), fullName: z.string(), phone: z.string().nullable(), branchName: z.string().nullable(),
  programCode: z.string(), programName: z.string(), waveId: z.number().nullable(), offerCode: z.string().nullable(), offerName: z.string().nullable(),
  source: z.enum(LEAD_SOURCES),
  outcome: z.enum(LEAD_OUTCOMES),
  /** When the client clicked, said so on the call or replied. */
  at: z.string(),
  /** The operator of a call; null for a click or a reply. */
  operatorLogin: z.string().nullable(),
  /** The operator's note on the call, or the text of the client's reply. */
  note: z.string().nullable(),
  route: z.enum(LEAD_ROUTES),
  status: z.enum(LEAD_STATUSES),
  allowedMoves: z.array(z.enum(LEAD_STATUSES)),
  nextFollowUp: z.string().nullable(),
  /** An open lead whose follow-up date is before the bank's today. */
  overdue: z.boolean(),
  workedBy: z.string().nullable(),
  lostReason: z.string().nullable(),
  sale: z.object({ product: z.string(), productName: z.string(), productType: z.string(), amount: z.string(), date: z.string(), holdingId: z.number().nullable() }).nullable(),
  closedAt: z.string().nullable(),
  notes: z.array(z.object({ at: z.string(), author: z.string(), text: z.string() })),
})
export type LeadItem = z.infer<typeof leadItem>

/** GET /api/leads: the viewer's leads. */
export const leadList = z.array(leadItem)
