import type { Kysely } from 'kysely'
import type { PilotDesignAnswer, PilotDesignBody } from '../../contract/pilot-design-schemas.ts'
import { reason, type AnyReason } from '../../contract/reason-codes.ts'
import type { ProductType } from '../../core/demo/demo-products.ts'
import { DomainError } from '../../core/domain-error.ts'
import { assembleBusinessCaseInput } from '../../core/program/assemble-business-case-input.ts'
import { checkBusinessCase, type CheckedBusinessCase } from '../../core/program/check-business-case.ts'
import { computeBusinessCase } from '../../core/program/compute-business-case.ts'
import { designProgramPilot } from '../../core/program/design-program-pilot.ts'
import { roublesFromKopecks } from '../../core/program/kopecks.ts'
import type { Schema } from '../../db/schema.ts'
import { findProgramByCode, programWaveFacts, type ProgramRecord } from '../../db/stores/program-store.ts'
import { listProducts } from '../../db/stores/reference-store.ts'

const rub = (kopecks: number | null) => (kopecks === null ? null : roublesFromKopecks(kopecks))

/** The case ready to compute, or why it is not (a draft's case may be incomplete). */
async function caseOf(db: Kysely<Schema>, program: ProgramRecord, waveAudience: number | undefined) {
  let assumptions: CheckedBusinessCase = {}
  try {
    assumptions = checkBusinessCase(program.businessCase)
    const product = (await listProducts(db)).find((p) => p.code === program.targetProduct)
    const input = assembleBusinessCaseInput({ assumptions, product: product && { ...product, type: product.type as ProductType }, waveAudience, controlShare: program.controlShare })
    return { assumptions, input }
  } catch (error) {
    if (error instanceof DomainError) return { assumptions, caseMissing: error.details as AnyReason }
    throw error
  }
}

const noDefault = (field: string) => new DomainError('invalid_input', `${field}: enter a value, the business case cannot supply it yet`, reason('pilot.no_default', { field }))

/**
 * The pilot design of a program: what the body gives, else the business case's control rate,
 * its break-even uplift and the plan's control share; the audience is the case's or, without one,
 * the selection the latest wave was built from. Reads only.
 */
export async function viewPilotDesign(db: Kysely<Schema>, input: { code: string; body: PilotDesignBody }): Promise<PilotDesignAnswer> {
  const { code, body } = input
  const program = await findProgramByCode(db, code)
  if (!program) throw new DomainError('not_found', `No program ${code}`, reason('program.not_found', { id: code }))
  const { latestAudience } = await programWaveFacts(db, program.id)
  const { assumptions, input: caseInput, caseMissing } = await caseOf(db, program, latestAudience)
  const baseline = body.baseline ?? assumptions.responseRateControl
  if (baseline === undefined) throw noDefault('baseline')
  const breakEven = caseInput && computeBusinessCase(caseInput).breakEvenUplift
  const uplift = body.uplift ?? breakEven ?? undefined
  if (uplift === undefined) throw noDefault('uplift')
  const controlShare = body.controlShare ?? program.controlShare
  const audience = caseInput?.audience ?? assumptions.audience ?? latestAudience
  const design = designProgramPilot({
    sizing: { baseline, uplift, alpha: body.alpha, power: body.power, controlShare },
    audience,
    plannedPilotSize: program.pilotSize,
    businessCase: caseInput,
  })
  return {
    program: program.code,
    baseline,
    baselineFrom: body.baseline === undefined ? 'case' : 'request',
    uplift,
    upliftFrom: body.uplift === undefined ? 'break_even' : 'request',
    alpha: body.alpha,
    power: body.power,
    controlShare,
    required: design.required,
    selection: design.selection && {
      ...design.selection,
      audienceFrom: assumptions.audience === undefined ? 'wave' : 'case',
      npvAtDetectable: rub(design.selection.npvAtDetectable),
    },
    npvAtUplift: rub(design.npvAtUplift),
    plannedPilotSize: program.pilotSize,
    warnings: design.warnings,
    ...(caseMissing && { caseMissing }),
  }
}
