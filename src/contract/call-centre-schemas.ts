import { COMPLAINT_CATEGORY_CODES } from './complaint-categories.ts'
import { z } from 'zod'
import { BUSINESS_OUTCOMES, CALL_TASK_STATUSES, DO_NOT_CALL_SCOPES, TECHNICAL_OUTCOMES } from './call-outcomes.ts'
import { callPolicySchema } from './call-policy.ts'
import { callScriptSchema } from './offer-schemas.ts'
import { recordId, recordIdParam } from './query-params.ts'

// The requests and answers of /api/call-centre (src/http/routes/call-centre-routes.ts), shared with
// the web (web/src/features/call-centre).

export const waveIdParams = z.object({ waveId: recordIdParam })

/** POST /api/call-centre/waves/:waveId/list: the operators who work it and how many clients each takes. */
export const callListBody = z.object({
  operators: z.array(z.object({ login: z.string().trim().min(1).max(100), capacity: z.number().int().min(0).max(100_000) }).strict()).max(500).default([]),
}).strict()

/** GET /api/call-centre/operators: whom a call list can be dealt to, by name. */
export const callOperatorList = z.object({ items: z.array(z.object({ login: z.string(), fullName: z.string() })) })
export type CallOperatorList = z.infer<typeof callOperatorList>

export const callListResult = z.object({
  wave: z.number(),
  tasks: z.number(),
  pool: z.number(),
  operators: z.array(z.object({ login: z.string(), assigned: z.number() })),
  removed: z.array(z.object({ rule: z.string(), removed: z.number() })),
})
export type CallListResult = z.infer<typeof callListResult>

const iso = z.string()

export const callCard = z.object({
  task: z.object({
    clientId: z.number(),
    waveId: z.number(),
    attempts: z.number(),
    maxAttempts: z.number(),
    lastTechnical: z.string().nullable(),
    lastBusiness: z.string().nullable(),
    callback: z.object({ dueAt: iso, onlyMe: z.boolean() }).nullable(),
    claimedAt: iso,
  }),
  client: z.object({
    fullName: z.string(),
    bankId: z.string(),
    /** The phone as the screen shows it: always masked to its last digits. */
    phoneMasked: z.string().nullable(),
    /** The number the dial button calls: only for a role cleared to see phones (core/clearance.ts). */
    dialNumber: z.string().nullable(),
    birthDate: z.string().nullable(),
    segment: z.string(),
    vip: z.boolean(),
    branchName: z.string().nullable(),
    regionCode: z.string().nullable(),
    utcOffset: z.number(),
  }),
  offer: z
    .object({
      code: z.string(),
      version: z.number(),
      name: z.string(),
      terms: z.string().nullable(),
      rate: z.number().nullable(),
      termMonths: z.number().nullable(),
      amount: z.number().nullable(),
      validUntil: z.string().nullable(),
      callScript: callScriptSchema.nullable(),
    })
    .nullable(),
  why: z.object({
    programCode: z.string(),
    programName: z.string(),
    goal: z.string().nullable(),
    waveKind: z.string(),
    selectionName: z.string().nullable(),
    priority: z.number(),
  }),
  recentContacts: z.array(z.object({ channel: z.string(), status: z.string(), sentAt: iso.nullable(), programCode: z.string().nullable() })),
  complaints: z.array(z.object({ receivedAt: iso, status: z.string() })),
})
export type CallCard = z.infer<typeof callCard>

/** GET /api/call-centre/next: the operator's next client, or none due now. */
export const nextCall = z.object({ card: callCard.nullable() })

export const callOutcomeBody = z
  .object({
    clientId: recordId,
    waveId: recordId,
    technical: z.enum(TECHNICAL_OUTCOMES),
    business: z.enum(BUSINESS_OUTCOMES).nullable().default(null),
    callbackAt: z.string().datetime({ offset: true }).nullable().default(null),
    /** A callback for the operator who promised it, or for anyone. */
    onlyMe: z.boolean().default(true),
    doNotCall: z.enum(DO_NOT_CALL_SCOPES).nullable().default(null),
    note: z.string().trim().max(2000).nullable().default(null),
    /** With the outcome `complaint`: what the complaint is about (contract/complaint-categories.ts); 'other' when the operator did not say. */
    complaintCategory: z.enum(COMPLAINT_CATEGORY_CODES as [string, ...string[]]).optional(),
  })
  .strict()
export type CallOutcomeBody = z.infer<typeof callOutcomeBody>

export const callOutcomeResult = z.object({
  status: z.enum(CALL_TASK_STATUSES),
  nextAttemptAt: iso.nullable(),
  closeReason: z.string().nullable(),
})
export type CallOutcomeResult = z.infer<typeof callOutcomeResult>

export const callbackList = z.array(
  z.object({ clientId: z.number(), waveId: z.number(), fullName: z.string(), programCode: z.string(), dueAt: iso, onlyMe: z.boolean(), operator: z.string().nullable(), overdue: z.boolean() }),
)

const rates = {
  tasks: z.number(),
  called: z.number(),
  reached: z.number(),
  agreed: z.number(),
  interested: z.number(),
  attempts: z.number(),
  /** Reached clients over clients called at least once; null before any call. */
  reachRate: z.number().nullable(),
  /** Clients who agreed over clients reached. */
  conversion: z.number().nullable(),
  avgHandleSeconds: z.number().nullable(),
  overdueCallbacks: z.number(),
}

export const callBoard = z.object({
  waves: z.array(z.object({ waveId: z.number(), programCode: z.string(), programName: z.string(), done: z.number(), open: z.number(), ...rates })),
  operators: z.array(z.object({ login: z.string(), fullName: z.string(), assigned: z.number(), ...rates })),
})
export type CallBoard = z.infer<typeof callBoard>

export const callPolicyView = z.object({ program: z.string(), policy: callPolicySchema, isDefault: z.boolean() })
export const programCodeParam = z.object({ code: z.string().min(1).max(64) })

export const callListExportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), language: z.enum(['ru', 'en']).default('ru') })

export const callImportResult = z.object({
  rowsRead: z.number(),
  loaded: z.number(),
  rejected: z.array(z.object({ line: z.number(), reason: z.object({ code: z.string() }).passthrough() })),
})
export type CallImportResult = z.infer<typeof callImportResult>
