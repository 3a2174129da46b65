import { z } from 'zod'
import { CHANNELS } from './channels.ts'
import { offerCode } from './offer-code.ts'
import { OFFER_STATUSES } from './offer-statuses.ts'
import { programCode } from './program-code.ts'
import { reasonSchema } from './reason-schema.ts'
import { ROLES } from './roles.ts'
import { waveSummary } from './wave-schemas.ts'

// The requests of /api/programs, shared by the routes (src/http/routes/program-routes.ts), the CLI
// and the web. Shapes only: ranges (rates within [0, 1], no negative money, whole kopecks) are
// checked in core (core/program/check-business-case.ts), where each refusal gets its reason code.
// Money is in roubles, as everywhere in the API; the core turns it into integer kopecks.

export const PROGRAM_STATUSES = ['draft', 'proposed', 'approved', 'pilot', 'evaluated', 'rollout', 'closed', 'cancelled'] as const
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number]

export const PROGRAM_GOALS = ['acquisition', 'cross_sell', 'up_sell', 'retention', 'activation', 'win_back', 'service'] as const
export type ProgramGoal = (typeof PROGRAM_GOALS)[number]

export { programCode } from './program-code.ts'

const amount = z.number()
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'not a calendar date')

export const channelCostSchema = z.object({
  channel: z.enum(CHANNELS),
  /** Roubles for one contact. */
  costPerContact: amount,
  contactsPerClient: z.number().default(1),
}).strict()

/** The business case's assumptions; a draft may leave any of them out until it is proposed. */
export const businessCaseSchema = z.object({
  /** Clients in the selection; when left out, the latest wave of the program (target + control). */
  audience: z.number().optional(),
  channelCosts: z.array(channelCostSchema).max(CHANNELS.length).optional(),
  fixedCosts: amount.optional(),
  responseRateTarget: z.number().optional(),
  responseRateControl: z.number().optional(),
  conversion: z.number().optional(),
  /** Average balance (deposits, accounts, investments) or drawn balance (loans, cards), roubles. */
  averageBalance: amount.optional(),
  /** Card spending a year, or the insurance premium, roubles. */
  annualTurnover: amount.optional(),
  exposureAtDefault: amount.optional(),
  annualFee: amount.optional(),
  /** The case's own expected lifetime of the product, in place of the catalogue's. */
  lifetimeMonths: z.number().optional(),
  discountRate: z.number().optional(),
  horizonYears: z.number().optional(),
  /** Days after the pilot wave was built during which a response counts for its verdict (core/program/attribution-window.ts: 30 when left out). */
  attributionDays: z.number().int().min(1).max(365).optional(),
}).strict()
export type BusinessCaseAssumptions = z.infer<typeof businessCaseSchema>

const planFields = {
  name: z.string().trim().min(1).max(200),
  goal: z.enum(PROGRAM_GOALS),
  targetProduct: z.string().trim().min(1).max(40).nullable(),
  /** The program's own words about its offer: a description beside the offer it names. */
  offer: z.string().trim().max(2000).nullable(),
  /** The offer from the marketer's catalogue; its newest version, once approved, is what waves send. */
  offerCode: offerCode.nullable(),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).refine((list) => new Set(list).size === list.length, 'each channel once'),
  selectionId: z.number().int().positive().max(2_147_483_647).nullable(),
  ownerId: z.number().int().positive().max(2_147_483_647).nullable(),
  plannedStart: isoDate.nullable(),
  plannedEnd: isoDate.nullable(),
  /** Roubles. */
  budget: amount.nullable(),
  controlShare: z.number().gt(0).lt(1),
  /** Members of the pilot wave, target and control together. */
  pilotSize: z.number().int().positive().max(100_000_000).nullable(),
  businessCase: businessCaseSchema,
}

/** Everything about a program that its economists plan and edit (the code and the status aside). */
export const programPlanSchema = z.object(planFields)
/** A program a wave created has no goal until someone plans it. */
export type ProgramPlan = Omit<z.infer<typeof programPlanSchema>, 'goal'> & { goal: ProgramGoal | null }

/** POST /api/programs: a code, a name and a goal; the rest may follow. */
export const createProgramBody = z.object({ code: programCode, ...planFields }).partial().required({ code: true, name: true, goal: true }).strict()
export type CreateProgramBody = z.infer<typeof createProgramBody>

/** PUT replaces the plan (what is left out is cleared); PATCH changes only what it names. */
export const replaceProgramBody = z.object(planFields).partial().required({ name: true, goal: true }).strict()
export const patchProgramBody = z.object(planFields).partial().strict().refine((body) => Object.keys(body).length > 0, 'name at least one field')
export type ProgramPlanChanges = z.infer<typeof patchProgramBody>

export const transitionBody = z.object({
  to: z.enum(PROGRAM_STATUSES),
  comment: z.string().trim().max(2000).optional(),
  /**
   * The program's `updatedAt` as the deciding user read it: the move is refused (409
   * program.changed_since_read) when the plan or the status changed since, so nobody approves
   * numbers they did not see. Left out, the move is taken on the program as it stands.
   */
  updatedAt: z.iso.datetime().optional(),
}).strict()

export const programListQuery = {
  status: z.enum(PROGRAM_STATUSES),
  /** `me`: the programs waiting for a decision only the caller's role makes (the head's inbox). */
  awaiting: z.enum(['me']),
  goal: z.enum(PROGRAM_GOALS),
  owner: z.coerce.number().int().positive().max(2_147_483_647),
  /** Programs whose planned dates overlap [from, to]. */
  from: isoDate,
  to: isoDate,
}

// The answers. Money in roubles (integer kopecks in core, rounded half to even: core/program/kopecks.ts).

/** GET /api/programs/:code/case and `otklik program case` (core/program/compute-business-case.ts names the formulas). */
export const programCase = z.object({
  program: z.string(),
  audience: z.number(),
  audienceFrom: z.enum(['case', 'wave']),
  controlShare: z.number(),
  product: z.object({
    code: z.string(),
    interestMarginPerYear: z.number(),
    feesPerYear: z.number(),
    expectedCreditLossPerYear: z.number(),
    netPerYear: z.number(),
    lifetimeYears: z.number(),
  }),
  contacted: z.number(),
  uplift: z.number(),
  incrementalResponders: z.number(),
  incrementalProducts: z.number(),
  contactCost: z.number(),
  fixedCosts: z.number(),
  totalCost: z.number(),
  valuePerProduct: z.number(),
  npv: z.number(),
  profit: z.number(),
  roi: z.number().nullable(),
  breakEvenUplift: z.number().nullable(),
  breakEvenResponseRate: z.number().nullable(),
  paybackYears: z.number().nullable(),
  cashFlows: z.array(z.object({ year: z.number(), flow: z.number(), discounted: z.number() })),
  tornado: z.array(z.object({ driver: z.string(), npvLow: z.number(), npvHigh: z.number(), swing: z.number() })),
})

export const programListItem = z.object({
  code: z.string(),
  name: z.string(),
  goal: z.enum(PROGRAM_GOALS).nullable(),
  status: z.enum(PROGRAM_STATUSES),
  targetProduct: z.string().nullable(),
  channels: z.array(z.enum(CHANNELS)),
  owner: z.object({ id: z.number(), fullName: z.string() }).nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  budget: z.number().nullable(),
  npv: z.number().nullable(),
  totalCost: z.number().nullable(),
  roi: z.number().nullable(),
  breakEvenUplift: z.number().nullable(),
  updatedAt: z.string(),
})
export const programList = z.object({ total: z.number(), items: z.array(programListItem) })

/** A decision record: who moved the program, when, why, what changed, and the numbers it was taken on. */
export const programDecision = z.object({
  id: z.number(),
  at: z.string(),
  author: z.object({ id: z.number().nullable(), login: z.string(), fullName: z.string().nullable() }),
  from: z.enum(PROGRAM_STATUSES),
  to: z.enum(PROGRAM_STATUSES),
  comment: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  // Loose: later decisions add the verdict's numbers beside the case.
  snapshot: z.looseObject({ case: programCase.optional(), caseMissing: reasonSchema.optional() }),
})

/** GET /api/programs/:code, and the answer of every change and move. */
export const programDetail = z.object({
  code: z.string(),
  status: z.enum(PROGRAM_STATUSES),
  ...programPlanSchema.shape,
  goal: z.enum(PROGRAM_GOALS).nullable(),
  owner: z.object({ id: z.number(), login: z.string(), fullName: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  proposedBy: z.object({ id: z.number().nullable(), login: z.string(), fullName: z.string().nullable() }).nullable(),
  allowedMoves: z.array(z.object({ to: z.enum(PROGRAM_STATUSES), roles: z.array(z.enum(ROLES)) })),
  checklist: z.array(z.object({ item: z.string(), met: z.boolean() })),
  /** Left out for a role that may not see the products' economics (the marketer). */
  case: programCase.optional(),
  caseMissing: reasonSchema.optional(),
  decisions: z.array(programDecision),
  waves: z.array(waveSummary),
  /** The offer `offerCode` names, at its newest version; `approved`: a wave may send it. */
  offerSummary: z.object({ code: z.string(), name: z.string(), version: z.number(), status: z.enum(OFFER_STATUSES), approved: z.boolean() }).nullable(),
})
