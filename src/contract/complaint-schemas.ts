import { z } from 'zod'
import { COMPLAINT_CATEGORY_CODES, COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES } from './complaint-categories.ts'
import { COMPLAINT_ROOT_CAUSES, COMPLAINT_STATUSES } from './complaint-statuses.ts'
import { isoDate } from './program-schemas.ts'
import { booleanParam, idParams, optionalParam, recordId, recordIdParam } from './query-params.ts'

// The requests and answers of /api/complaints (src/http/routes/complaint-routes.ts), shared with
// the web. Money is exact: roubles and kopecks as decimal strings ('1500.00').

const category = z.enum(COMPLAINT_CATEGORY_CODES as [string, ...string[]])
const roubles = z.string().trim().regex(/^\d{1,14}(\.\d{1,2})?$/, 'roubles as a decimal string, at most two decimals: "1500.50"')

/** POST /api/complaints: a client and a category are required (400 naming the missing field). */
export const complaintRegisterBody = z.object({
  clientId: recordId,
  category,
  channel: z.enum(COMPLAINT_CHANNELS),
  severity: z.enum(COMPLAINT_SEVERITIES).default('medium'),
  subject: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).default(''),
  /** A catalogue product the complaint concerns, when known. */
  productCode: z.string().trim().min(1).max(40).nullable().default(null),
  /** When the bank received it (a letter dated earlier); now when not given. */
  receivedAt: z.string().datetime({ offset: true }).optional(),
  /** The branch it is filed for; the client's branch when not given. */
  branchId: recordId.nullable().optional(),
  /** The owner; the routing rules decide when not given (core/complaint/route-complaint.ts). */
  ownerId: recordId.nullable().optional(),
}).strict()
export type ComplaintRegisterBody = z.infer<typeof complaintRegisterBody>
/** What a client sends (the defaults filled in by the server). */
export type ComplaintRegisterInput = z.input<typeof complaintRegisterBody>

/** POST /api/complaints/:id/moves: a move of the table (contract/complaint-statuses.ts); resolving needs the resolution. */
export const complaintMoveBody = z.object({
  to: z.enum(COMPLAINT_STATUSES),
  note: z.string().trim().min(1).max(2000).optional(),
  resolution: z.string().trim().min(1).max(5000).optional(),
  rootCause: z.enum(COMPLAINT_ROOT_CAUSES).optional(),
  compensation: roubles.optional(),
}).strict()
export type ComplaintMoveBody = z.infer<typeof complaintMoveBody>

export const complaintListQuery = z.object({
  overdue: optionalParam(booleanParam),
  status: optionalParam(z.enum(COMPLAINT_STATUSES)),
  /** A leaf or a top category: a top one takes its leaves too. */
  category: optionalParam(category),
  channel: optionalParam(z.enum(COMPLAINT_CHANNELS)),
  branch: optionalParam(recordIdParam),
  client: optionalParam(recordIdParam),
  owner: optionalParam(recordIdParam),
  limit: z.coerce.number().int().min(1).max(500).default(200),
}).strict()
export type ComplaintListQuery = z.infer<typeof complaintListQuery>

export const complaintParams = idParams

const move = z.object({
  kind: z.enum(['registration', 'move', 'escalation']),
  from: z.enum(COMPLAINT_STATUSES).nullable(),
  to: z.enum(COMPLAINT_STATUSES),
  at: z.string(),
  login: z.string(),
  note: z.string().nullable(),
})

export const complaintItem = z.object({
  id: z.number(),
  clientId: z.number(), bankId: z.string(), fullName: z.string(), phone: z.string().nullable(),
  category: z.string(), channel: z.enum(COMPLAINT_CHANNELS), severity: z.enum(COMPLAINT_SEVERITIES),
  subject: z.string(), description: z.string(),
  productCode: z.string().nullable(), productName: z.string().nullable(),
  ownerId: z.number().nullable(), ownerName: z.string().nullable(),
  branchId: z.number().nullable(), branchName: z.string().nullable(),
  status: z.enum(COMPLAINT_STATUSES),
  allowedMoves: z.array(z.enum(COMPLAINT_STATUSES)),
  receivedAt: z.string(),
  slaWorkingDays: z.number().nullable(),
  /** The bank date the answer is due by; null for complaints older than the register. */
  slaDueOn: z.string().nullable(),
  /** Open (not resolved) after its due date, on the bank's today. */
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  rootCause: z.enum(COMPLAINT_ROOT_CAUSES).nullable(),
  compensation: z.string().nullable(),
  /** When the bank answered (resolved); null while open. */
  closedAt: z.string().nullable(),
})
export type ComplaintItem = z.infer<typeof complaintItem>

export const complaintList = z.object({ today: z.string(), items: z.array(complaintItem) })
export const complaintDetail = complaintItem.extend({ moves: z.array(move) })
export type ComplaintDetail = z.infer<typeof complaintDetail>

export const complaintAnalysisQuery = z.object({ from: optionalParam(isoDate), to: optionalParam(isoDate) }).strict()
export type ComplaintAnalysisQuery = z.infer<typeof complaintAnalysisQuery>

const group = z.object({
  key: z.string().nullable(),
  count: z.number(),
  resolved: z.number(),
  /** Resolved on or before the due date, of the resolved ones with a due date (null: none resolved). */
  resolvedWithinSlaShare: z.number().nullable(),
  /** Calendar days from receipt to resolution, median of the resolved ones. */
  medianDaysToResolve: z.number().nullable(),
  repeats: z.number(),
})
export type ComplaintAnalysisGroup = z.infer<typeof group>

export const complaintAnalysis = z.object({
  from: z.string(), to: z.string(),
  /** How a repeat complaint is counted, in words. */
  repeatRule: z.string(),
  total: group,
  byCategory: z.array(group), byProduct: z.array(group), byBranch: z.array(group), byChannel: z.array(group), byMonth: z.array(group),
})
export type ComplaintAnalysis = z.infer<typeof complaintAnalysis>

const slaRule = z.object({
  category: z.union([z.literal('*'), category]),
  channel: z.union([z.literal('*'), z.enum(COMPLAINT_CHANNELS)]),
  workingDays: z.number().int().min(1).max(90),
})

/** The SLA settings: the rules and the year's decree of days off and working weekends (core/working-days.ts). */
export const complaintSlaSettings = z.object({
  rules: z.array(slaRule).min(1).max(500),
  calendar: z.object({ daysOff: z.array(isoDate).max(400), workingDays: z.array(isoDate).max(400) }).strict(),
}).strict().superRefine((body, ctx) => {
  if (!body.rules.some((r) => r.category === '*' && r.channel === '*')) ctx.addIssue({ code: 'custom', path: ['rules'], message: "keep a default rule: category '*' and channel '*'" })
  const seen = new Set<string>()
  body.rules.forEach((r, i) => {
    const key = `${r.category}|${r.channel}`
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['rules', i], message: `a second rule for ${r.category} / ${r.channel}` })
    seen.add(key)
  })
})
export type ComplaintSlaSettings = z.infer<typeof complaintSlaSettings>
