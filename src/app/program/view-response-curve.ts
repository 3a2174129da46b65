import type { Kysely } from 'kysely'
import type { ResponseCurve, ResponseCurveView } from '../../contract/response-curve-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { RESPONSE_TYPES, type ResponseType } from '../../contract/response-types.ts'
import { DomainError } from '../../core/domain-error.ts'
import { DEFAULT_ATTRIBUTION_DAYS } from '../../core/program/attribution-window.ts'
import { cumulateResponseCurve, type CurveCohort, type ResponseCurvePoint } from '../../core/response/cumulate-response-curve.ts'
import type { Schema } from '../../db/schema.ts'
import { countFirstResponseDays, type FirstResponseDay } from '../../db/stores/program-results-store.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import { armName, readProgramArms, type ProgramArm } from './read-program-arms.ts'

/**
 * GET /api/programs/:code/response-curve: the cumulative response curve by day since the wave, for
 * target and control, on each response type a member has — per wave (the arms of the results) and
 * for the program's waves pooled (first); with `wave`, that wave's curves only. Responses are the
 * program's as its results count them (its own and the events attributed to it, in the window).
 */
export async function viewResponseCurve(db: Kysely<Schema>, input: { code: string; now: Date; wave?: number }): Promise<ResponseCurveView> {
  const program = await findProgramByCode(db, input.code)
  if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
  const all = await readProgramArms(db, { program, now: input.now })
  const arms = input.wave === undefined ? all : all.filter((a) => a.wave.id === input.wave)
  if (input.wave !== undefined && arms.length === 0) throw new DomainError('not_found', `No wave ${input.wave} of ${program.code} with both groups`, reason('wave.not_found', { id: String(input.wave) }))
  const days = await countFirstResponseDays(db, { programId: program.id, windows: arms.map((a) => a.window) })
  const perWave: ResponseCurve[] = arms.flatMap((arm) =>
    typesResponded(days, [arm.wave.id]).map((type) => ({ wave: arm.wave.id, arm: armName(arm.wave), offer: arm.wave.offerName, response: type, points: armCurve(arm, type, days) })))
  const pooled: ResponseCurve[] = input.wave !== undefined ? [] : typesResponded(days, arms.map((a) => a.wave.id)).map((type) => {
    const cohorts = arms.map((arm) => armCohorts(arm, type, days))
    return { wave: null, arm: null, offer: null, response: type, points: cumulateResponseCurve({ target: cohorts.map((c) => c.target), control: cohorts.map((c) => c.control) }) }
  })
  return { program: program.code, window_days: program.businessCase.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS, curves: [...pooled, ...perWave] }
}

/** One arm's curve on one type (each arm of the results carries it). */
export function armCurve(arm: ProgramArm, type: ResponseType, days: readonly FirstResponseDay[]): ResponseCurvePoint[] {
  const cohorts = armCohorts(arm, type, days)
  return cumulateResponseCurve({ target: [cohorts.target], control: [cohorts.control] })
}

function armCohorts(arm: ProgramArm, type: ResponseType, days: readonly FirstResponseDay[]): { target: CurveCohort; control: CurveCohort } {
  const cohort = (group: 'target' | 'control'): CurveCohort => ({
    members: arm.wave[group],
    lastDay: arm.lastDay,
    firstDays: days.filter((d) => d.waveId === arm.wave.id && d.group === group && d.type === type),
  })
  return { target: cohort('target'), control: cohort('control') }
}

/** The types with a responder in either group of the waves, in the contract's order. */
function typesResponded(days: readonly FirstResponseDay[], waveIds: readonly number[]): ResponseType[] {
  return RESPONSE_TYPES.filter((type) => days.some((d) => d.type === type && waveIds.includes(d.waveId)))
}
