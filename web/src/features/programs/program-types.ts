import type { z } from 'zod'
import type { Channel } from '../../../../src/contract/channels.ts'
import type { BusinessCaseAssumptions, ProgramGoal, ProgramPlan, ProgramStatus } from '../../../../src/contract/program-schemas.ts'
import type { Role } from '../session/session-user.ts'
import type { WaveSummary } from '../selections/selection-types.ts'
import type { productList } from '../../../../src/contract/reference-schemas.ts'

/** GET /api/products (the economics only for the roles cleared for them). */
export type ProductList = z.infer<typeof productList>

// What /api/programs answers (docs/api-contract.md "Programs"); money in roubles.

export type ProgramListItem = {
  code: string
  name: string
  goal: ProgramGoal | null
  status: ProgramStatus
  targetProduct: string | null
  channels: Channel[]
  owner: { id: number; fullName: string } | null
  plannedStart: string | null
  plannedEnd: string | null
  budget: number | null
  npv: number | null
  totalCost: number | null
  roi: number | null
  breakEvenUplift: number | null
  updatedAt: string
}

export type TornadoBar = { driver: string; npvLow: number; npvHigh: number; swing: number }

export type ProgramCase = {
  program: string
  audience: number
  audienceFrom: 'case' | 'wave'
  controlShare: number
  product: { code: string; interestMarginPerYear: number; feesPerYear: number; expectedCreditLossPerYear: number; netPerYear: number; lifetimeYears: number }
  contacted: number
  uplift: number
  incrementalResponders: number
  incrementalProducts: number
  contactCost: number
  fixedCosts: number
  totalCost: number
  valuePerProduct: number
  npv: number
  profit: number
  roi: number | null
  breakEvenUplift: number | null
  breakEvenResponseRate: number | null
  paybackYears: number | null
  cashFlows: { year: number; flow: number; discounted: number }[]
  tornado: TornadoBar[]
}

/** A reason the case cannot be computed yet (`case.missing`, `case.no_product`). */
export type CaseMissing = { code: string } & Record<string, unknown>

export type ProgramDecision = {
  id: number
  at: string
  author: { id: number | null; login: string; fullName: string | null }
  from: ProgramStatus
  to: ProgramStatus
  comment: string | null
  changes: { field: string; before: unknown; after: unknown }[]
  snapshot: { case?: ProgramCase; caseMissing?: CaseMissing }
}

export type ProgramDetail = ProgramPlan & {
  code: string
  status: ProgramStatus
  owner: { id: number; login: string; fullName: string } | null
  createdAt: string
  updatedAt: string
  proposedBy: { id: number | null; login: string } | null
  allowedMoves: { to: ProgramStatus; roles: Role[] }[]
  checklist: { item: string; met: boolean }[]
  case?: ProgramCase
  caseMissing?: CaseMissing
  decisions: ProgramDecision[]
  waves: WaveSummary[]
}

export type { BusinessCaseAssumptions, ProgramGoal, ProgramPlan, ProgramStatus }
