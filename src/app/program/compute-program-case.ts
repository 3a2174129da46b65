import type { Kysely } from 'kysely'
import { reason, type AnyReason } from '../../contract/reason-codes.ts'
import type { ProductType } from '../../core/demo/demo-products.ts'
import { DomainError } from '../../core/domain-error.ts'
import { assembleBusinessCaseInput } from '../../core/program/assemble-business-case-input.ts'
import { buildTornado } from '../../core/program/build-tornado.ts'
import { checkBusinessCase } from '../../core/program/check-business-case.ts'
import { computeBusinessCase } from '../../core/program/compute-business-case.ts'
import { roublesFromKopecks as rub } from '../../core/program/kopecks.ts'
import type { Schema } from '../../db/schema.ts'
import { findProgramByCode, programWaveFacts, type ProgramRecord } from '../../db/stores/program-store.ts'
import { listProducts } from '../../db/stores/reference-store.ts'

/** The business case's outputs as the API, the CLI and a decision's snapshot give them: money in roubles. */
export type ProgramCase = Awaited<ReturnType<typeof computeProgramCase>>

/**
 * The program's business case: its assumptions with the target product's economics from the
 * catalogue and, when the case gives no audience, the latest wave's members. Refused (409, naming
 * what is missing) while the case is incomplete.
 */
export async function computeProgramCase(db: Kysely<Schema>, program: ProgramRecord) {
  const { input, assumptions, product } = await programCaseInput(db, program)
  const result = computeBusinessCase(input)
  const economics = input.product
  return {
    program: program.code,
    audience: input.audience,
    audienceFrom: assumptions.audience === undefined ? ('wave' as const) : ('case' as const),
    controlShare: input.controlShare,
    product: {
      code: product!.code,
      interestMarginPerYear: rub(economics.interestMarginPerYear),
      feesPerYear: rub(economics.feesPerYear),
      expectedCreditLossPerYear: rub(economics.expectedCreditLossPerYear),
      netPerYear: rub(economics.netPerYear),
      lifetimeYears: economics.lifetimeYears,
    },
    contacted: result.contacted,
    uplift: result.uplift,
    incrementalResponders: result.incrementalResponders,
    incrementalProducts: result.incrementalProducts,
    contactCost: rub(result.contactCost),
    fixedCosts: rub(result.fixedCosts),
    totalCost: rub(result.totalCost),
    valuePerProduct: rub(result.valuePerProduct),
    npv: rub(result.npv),
    profit: rub(result.profit),
    roi: result.roi,
    breakEvenUplift: result.breakEvenUplift,
    breakEvenResponseRate: result.breakEvenResponseRate,
    paybackYears: result.paybackYears,
    cashFlows: result.cashFlows.map((f) => ({ year: f.year, flow: rub(f.flow), discounted: rub(f.discounted) })),
    tornado: buildTornado(input).map((bar) => ({ driver: bar.driver, npvLow: rub(bar.npvLow), npvHigh: rub(bar.npvHigh), swing: rub(bar.swing) })),
  }
}

/** The case's inputs in kopecks (the rollout plan prices its reach with them); refused like the case while incomplete. */
export async function programCaseInput(db: Kysely<Schema>, program: ProgramRecord) {
  const products = await listProducts(db)
  const product = products.find((p) => p.code === program.targetProduct)
  const assumptions = checkBusinessCase(program.businessCase)
  const { latestAudience } = await programWaveFacts(db, program.id)
  const input = assembleBusinessCaseInput({
    assumptions,
    product: product && { ...product, type: product.type as ProductType },
    waveAudience: latestAudience,
    controlShare: program.controlShare,
  })
  return { input, assumptions, product }
}

/** GET /api/programs/:code/case and `otklik program case`. */
export async function viewProgramCase(db: Kysely<Schema>, code: string): Promise<ProgramCase> {
  const program = await findProgramByCode(db, code)
  if (!program) throw new DomainError('not_found', `No program ${code}`, reason('program.not_found', { id: code }))
  return computeProgramCase(db, program)
}

/** The case, or why it cannot be computed yet (for lists, pages and decision snapshots). */
export async function tryProgramCase(db: Kysely<Schema>, program: ProgramRecord): Promise<{ case?: ProgramCase; caseMissing?: AnyReason }> {
  try {
    return { case: await computeProgramCase(db, program) }
  } catch (error) {
    if (error instanceof DomainError) return { caseMissing: error.details }
    throw error
  }
}
