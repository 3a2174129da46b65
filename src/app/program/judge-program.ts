import type { Kysely } from 'kysely'
import type { ProgramStatus } from '../../contract/program-schemas.ts'
import { RESPONSE_TYPES, valueRequired } from '../../contract/response-types.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { attributionWindow } from '../../core/program/attribution-window.ts'
import { checkBusinessCase } from '../../core/program/check-business-case.ts'
import { judgeProgramVerdict } from '../../core/program/judge-program-verdict.ts'
import { kopecksFromRoubles, roublesFromKopecks as rub } from '../../core/program/kopecks.ts'
import { cupedPreperiod } from '../../core/program/cuped-preperiod.ts'
import type { CupedSummary } from '../../core/stats/cuped-interval.ts'
import type { MeanSummary } from '../../core/stats/mean-summary.ts'
import type { VerdictResponseInput } from '../../core/stats/judge-verdict.ts'
import type { Schema } from '../../db/schema.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import type { VerdictOptions } from '../../contract/verdict-schemas.ts'
import { findProgramByCode, type ProgramRecord } from '../../db/stores/program-store.ts'
import {
  findPilotWave, findSrmExplanation, summarizeCupedValues, summarizeWaveResponses, type CupedCovariate, type WaveResponseCell,
} from '../../db/stores/pilot-verdict-store.ts'
import { computeProgramCase } from './compute-program-case.ts'

/** The verdict as the API, the CLI and a decision's snapshot give it: money in roubles. */
export type ProgramVerdictView = Awaited<ReturnType<typeof judgeStoredProgram>>

/** GET /api/programs/:code/verdict and `otklik program verdict`. */
export async function judgeProgram(db: Kysely<Schema>, input: { code: string; now: Date; options?: VerdictOptions }): Promise<ProgramVerdictView> {
  const program = await findProgramByCode(db, input.code)
  if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
  return judgeStoredProgram(db, { program, now: input.now, options: input.options })
}

/**
 * CUPED's covariate for each value type: the same money before the wave, as the activity table
 * keeps it — card spend for spend, account turnover for balance. (A response of the program
 * itself cannot come before its first wave: attribution refuses it, so there is none to read.)
 */
const CUPED_COVARIATES: Record<'spend' | 'balance', CupedCovariate> = { spend: 'card_spend', balance: 'turnover' }

/** The baseline the always-valid mixture is tuned to: the case's control rate, kept inside (0, 1). */
const plannedBaseline = (rate: number | undefined) => Math.min(0.999, Math.max(0.001, rate ?? 0.5))

/**
 * The verdict of the program's latest pilot wave: its members counted per group, their responses
 * within the attribution window, per type (core/program/judge-program-verdict.ts), priced by the
 * business case. Refused (409) without a complete case, a pilot wave, or members in both groups.
 */
export async function judgeStoredProgram(db: Kysely<Schema>, input: { program: ProgramRecord; now: Date; options?: VerdictOptions }) {
  const { program } = input
  const options = input.options ?? { cuped: false, monitoring: 'fixed' }
  const programCase = await computeProgramCase(db, program)
  const assumptions = checkBusinessCase(program.businessCase)
  const wave = await findPilotWave(db, program.id)
  if (!wave) throw new DomainError('conflict', `Program ${program.code} has no pilot wave`, reason('verdict.no_pilot_wave', { program: program.code }))
  if (wave.target === 0 || wave.control === 0) throw new DomainError('conflict', `Wave ${wave.id} has an empty group`, reason('verdict.no_members', { wave: wave.id }))
  const window = attributionWindow({ builtAt: wave.builtAt, days: program.businessCase.attributionDays, now: input.now })
  const cells = await summarizeWaveResponses(db, { programId: program.id, waveId: wave.id, from: window.from, until: window.until })
  const explanation = await findSrmExplanation(db, { programId: program.id, waveId: wave.id })
  const preperiod = options.cuped ? cupedPreperiod({ asOf: wave.asOf, days: window.days }) : undefined
  let responses = responseInputs(cells, wave)
  if (preperiod) {
    const read = (type: ResponseType, covariate: CupedCovariate) =>
      summarizeCupedValues(db, { programId: program.id, waveId: wave.id, type, from: window.from, until: window.until, covariate, preFrom: preperiod.from, preUntil: preperiod.until })
    responses = await withCovariates(responses, read)
  }
  const planned = options.monitoring === 'always_valid' ? { target: wave.target, control: wave.control, baseline: plannedBaseline(assumptions.responseRateControl) } : undefined
  const verdict = judgeProgramVerdict({
    members: { target: wave.target, control: wave.control },
    controlShare: wave.controlShare,
    responses,
    ...(planned && { monitoring: { planned } }),
    economics: {
      conversion: assumptions.conversion!,
      // The case's value per product came from kopecks: back to them exactly.
      valuePerProduct: kopecksFromRoubles(programCase.valuePerProduct)!,
      channelCosts: assumptions.channelCosts ?? [],
      breakEvenUplift: programCase.breakEvenUplift,
    },
    srmExplained: explanation !== undefined,
  })
  return {
    program: program.code,
    wave,
    options: {
      cuped: preperiod ? { preperiod, covariates: { ...CUPED_COVARIATES } as Record<string, string> } : null,
      monitoring: options.monitoring,
      planned: planned ?? null,
    },
    window,
    alpha: verdict.alpha,
    srm: { ...verdict.srm, explanation: explanation ?? null },
    waveCost: rub(verdict.waveCost),
    economics: { conversion: assumptions.conversion!, valuePerProduct: programCase.valuePerProduct, breakEvenUplift: programCase.breakEvenUplift },
    responses: verdict.responses.map(({ alwaysValid, ...r }) => ({
      ...r,
      incrementalProfit: { estimate: rub(r.incrementalProfit.estimate), ci: [rub(r.incrementalProfit.ci[0]), rub(r.incrementalProfit.ci[1])] as [number, number] },
      ...(alwaysValid && { alwaysValid: { ...alwaysValid, incrementalProfit: { ci: [rub(alwaysValid.incrementalProfit.ci[0]), rub(alwaysValid.incrementalProfit.ci[1])] as [number, number] } } }),
    })),
  }
}

/** Each type with a responder in either group, in the contract's order; spend and balance also as values per member. */
function responseInputs(cells: readonly WaveResponseCell[], members: { target: number; control: number }): VerdictResponseInput[] {
  const types = RESPONSE_TYPES.filter((type) => cells.some((c) => c.type === type))
  return types.map((type) => {
    const target = cells.find((c) => c.type === type && c.group === 'target')
    const control = cells.find((c) => c.type === type && c.group === 'control')
    const input: VerdictResponseInput = { type, responders: { target: target?.responders ?? 0, control: control?.responders ?? 0 } }
    const values = valueRequired(type) ? valueSummaries(target, control, members) : undefined
    return values ? { ...input, values } : input
  })
}

/** Each group's values per member; none when a group has no spread (Welch's interval needs some). */
function valueSummaries(target: WaveResponseCell | undefined, control: WaveResponseCell | undefined, members: { target: number; control: number }) {
  const summary = (cell: WaveResponseCell | undefined, n: number): MeanSummary => ({ n, mean: cell?.mean ?? 0, variance: cell?.variance ?? 0 })
  const t = summary(target, members.target)
  const c = summary(control, members.control)
  return t.variance > 0 && c.variance > 0 ? { target: t, control: c } : undefined
}

/**
 * The value types judged with their pre-period covariate: each arm's moments of Y beside X. A type
 * whose covariate does not vary (no activity at all in the pre-period) keeps its plain Welch interval.
 */
async function withCovariates(
  responses: VerdictResponseInput[],
  read: (type: ResponseType, covariate: CupedCovariate) => Promise<{ group: 'target' | 'control'; n: number; mean: number; variance: number; meanX: number; varianceX: number; covariance: number }[]>,
): Promise<VerdictResponseInput[]> {
  const out: VerdictResponseInput[] = []
  for (const response of responses) {
    const covariate = CUPED_COVARIATES[response.type as keyof typeof CUPED_COVARIATES]
    if (!response.values || !covariate) {
      out.push(response)
      continue
    }
    const cells = await read(response.type as ResponseType, covariate)
    const arm = (group: 'target' | 'control'): CupedSummary | undefined => {
      const cell = cells.find((c) => c.group === group)
      return cell && { n: cell.n, mean: cell.mean, variance: cell.variance, meanX: cell.meanX, varianceX: cell.varianceX, covariance: cell.covariance }
    }
    const target = arm('target')
    const control = arm('control')
    const varies = target !== undefined && control !== undefined && (target.varianceX > 0 || control.varianceX > 0)
    out.push(varies ? { ...response, values: { target, control } } : response)
  }
  return out
}

/** The statuses whose moves are decisions on the pilot's verdict: its snapshot carries the verdict's numbers. */
const JUDGED_FROM: readonly ProgramStatus[] = ['pilot', 'evaluated']

/** For a decision's snapshot: the verdict as it stood, or why there is none; nothing for a move that is not about a pilot. */
export async function tryProgramVerdict(db: Kysely<Schema>, input: { program: ProgramRecord; now: Date }): Promise<{ verdict: ProgramVerdictView } | { verdictMissing: unknown } | undefined> {
  if (!JUDGED_FROM.includes(input.program.status)) return undefined
  try {
    return { verdict: await judgeStoredProgram(db, input) }
  } catch (error) {
    if (error instanceof DomainError) return { verdictMissing: error.details }
    throw error
  }
}
