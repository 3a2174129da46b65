import { z } from 'zod'
import { programCode } from './program-code.ts'

/** The ways a client counts as gone (issue 10, item 3), each switched on in the bank's churn definition. */
export const CHURN_CRITERIA = ['all_products_closed', 'inactive', 'salary_card_stopped'] as const
export type ChurnCriterion = (typeof CHURN_CRITERIA)[number]

/**
 * What the bank knows about why a churned client left, beside the criteria met: a complaint in
 * the months before, a branch note of a competitor's offer, the products closed, the reason the
 * client gave when leaving (clients.status_reason).
 */
export const CHURN_SIGNALS = ['complaint', 'competitor_offer', 'stated_reason'] as const
export type ChurnSignal = (typeof CHURN_SIGNALS)[number]

/**
 * The bank's churn definition (bank_settings 'churn'). A client has churned when any criterion
 * switched on holds as of today: nothing open, no activity for `inactiveMonths` whole months,
 * or the salary card closed with none of the salary products still open.
 */
export const churnDefinitionBody = z
  .object({
    allProductsClosed: z.boolean(),
    /** Whole calendar months without a transaction; null switches the criterion off. */
    inactiveMonths: z.number().int().min(1).max(36).nullable(),
    salaryCardStopped: z.boolean(),
    /** The products that are salary cards (the catalogue has no such flag: the bank names them). */
    salaryProducts: z.array(z.string().trim().min(1).max(40)).max(20),
    /** The months before the churn date in which a complaint or a competitor note counts as a reason. */
    reasonMonths: z.number().int().min(1).max(24),
  })
  .strict()
export type ChurnDefinition = z.infer<typeof churnDefinitionBody>

export const churnDefinitionView = churnDefinitionBody.extend({ updatedAt: z.string().nullable() })

export const churnedClientsQuery = z.object({
  from: z.string().date().optional(),
  until: z.string().date().optional(),
  criterion: z.enum(CHURN_CRITERIA).optional(),
  signal: z.enum(CHURN_SIGNALS).optional(),
  segment: z.string().max(40).optional(),
  branch: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
})
export type ChurnedClientsQuery = z.infer<typeof churnedClientsQuery>

export const churnedClientView = z.object({
  clientId: z.number(),
  bankId: z.string(),
  fullName: z.string(),
  phone: z.string().nullable(),
  segment: z.string(),
  branch: z.string().nullable(),
  churnedOn: z.string(),
  criteria: z.array(z.enum(CHURN_CRITERIA)),
  signals: z.array(z.enum(CHURN_SIGNALS)),
  statedReason: z.string().nullable(),
  complaints: z.number(),
  competitorNotes: z.array(z.string()),
  productsClosed: z.array(z.string()),
})
export const churnedClientsView = z.object({ total: z.number(), refreshedAt: z.string().nullable(), items: z.array(churnedClientView) })

const countRow = z.object({ key: z.string(), clients: z.number() })
export const churnReportView = z.object({
  total: z.number(),
  activeClients: z.number(),
  refreshedAt: z.string().nullable(),
  byCriterion: z.array(countRow),
  bySignal: z.array(countRow),
  byStatedReason: z.array(countRow),
  bySegment: z.array(countRow),
  byBranch: z.array(countRow),
  byMonth: z.array(countRow),
})
export type ChurnReport = z.infer<typeof churnReportView>

const calibrationBin = z.object({ n: z.number(), meanPredicted: z.number(), observed: z.number() })
export const churnModelView = z.object({
  id: z.number(),
  version: z.number(),
  trainedAt: z.string(),
  trainedBy: z.string().nullable(),
  auc: z.number(),
  nTrain: z.number(),
  nTest: z.number(),
  trainCutoff: z.string(),
  testCutoff: z.string(),
  horizonMonths: z.number(),
  calibration: z.array(calibrationBin),
  coefficients: z.record(z.string(), z.number()),
  scored: z.number().nullable(),
})
export const churnModelReply = z.object({ model: churnModelView.nullable() })

/** POST /api/churn/retention-template: the program's code, and the template's thresholds if not the defaults. */
export const retentionTemplateBody = z
  .object({
    code: programCode,
    /** Churn score from which a client is high-risk; the newest model's top decile by default. */
    riskThreshold: z.number().gt(0).lt(1).optional(),
    /** Deposit and savings balance, ₽, from which a client is high-value (or premium, private, VIP). */
    minBalance: z.number().min(0).max(1e12).optional(),
  })
  .strict()
export type RetentionTemplateBody = z.infer<typeof retentionTemplateBody>
export const retentionTemplateView = z.object({ selectionId: z.number(), programCode: z.string(), riskThreshold: z.number(), minBalance: z.number(), rule: z.unknown() })
