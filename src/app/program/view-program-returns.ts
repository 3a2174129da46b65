import type { Kysely } from 'kysely'
import type { ArmResult } from '../../contract/program-results-schemas.ts'
import type { ProgramReturn, ProgramReturns } from '../../contract/program-returns-schemas.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import { DomainError } from '../../core/domain-error.ts'
import { kopecksFromRoubles as kop, roublesFromKopecks as rub } from '../../core/program/kopecks.ts'
import { priceVerdict } from '../../core/program/price-verdict.ts'
import { headlineResponse } from '../../core/response/headline-response.ts'
import type { Schema } from '../../db/schema.ts'
import { listProgramRecords, type ProgramRecord } from '../../db/stores/program-store.ts'
import { tryProgramCase, type ProgramCase } from './compute-program-case.ts'
import { judgeStoredProgram, type ProgramVerdictView } from './judge-program.ts'
import { readProgramArms } from './read-program-arms.ts'
import { viewProgramResults } from './view-program-results.ts'

/** Far more programs than a department runs in years: the overview reads them all. */
const ALL_PROGRAMS = 10_000
const ALPHA = 0.05

/**
 * GET /api/program-returns: which programs paid. Each program with a wave is read as its pilot's
 * verdict — incremental responders, revenue and profit against the wave's cost with their
 * intervals, the recommendation, and the business case's plan on the same wave — or, without a
 * verdict (no complete case, no pilot), as its results: each arm's incremental responders and
 * value, unpriced. The most profitable first; unpriced rows after them, by incremental responders.
 */
export async function viewProgramReturns(db: Kysely<Schema>, input: { now: Date }): Promise<ProgramReturns> {
  const { items: programs } = await listProgramRecords(db, { limit: ALL_PROGRAMS, offset: 0 })
  const items: ProgramReturn[] = []
  let withoutWaves = 0
  for (const program of programs) {
    const verdict = await tryVerdict(db, program, input.now)
    const rows = verdict ? await verdictRows(db, program, verdict) : await resultRows(db, program, input.now)
    if (rows === undefined) withoutWaves++
    else items.push(...rows)
  }
  return { items: items.sort(byProfit), withoutWaves }
}

async function tryVerdict(db: Kysely<Schema>, program: ProgramRecord, now: Date): Promise<ProgramVerdictView | undefined> {
  try {
    return await judgeStoredProgram(db, { program, now })
  } catch (error) {
    if (error instanceof DomainError) return undefined
    throw error
  }
}

async function verdictRows(db: Kysely<Schema>, program: ProgramRecord, verdict: ProgramVerdictView): Promise<ProgramReturn[]> {
  const type = headlineResponse(verdict.responses.map((r) => r.type as ResponseType))
  const r = verdict.responses.find((v) => v.type === type)
  if (!type || !r) return []
  const found = await tryProgramCase(db, program)
  // Profit is revenue − the wave's cost, kopeck for kopeck: adding the cost back gives the revenue.
  const revenue = (profit: number) => rub(kop(profit)! + kop(verdict.waveCost)!)
  return [{
    ...head(program),
    basis: 'verdict',
    wave: verdict.wave.id,
    arm: null,
    response: type,
    target: verdict.wave.target,
    control: verdict.wave.control,
    uplift: { estimate: r.uplift, ci: r.ci },
    p: r.p,
    significant: r.significant,
    windowClosed: verdict.window.closed,
    incrementalResponders: r.incrementalResponders,
    incrementalRevenue: { estimate: revenue(r.incrementalProfit.estimate), ci: [revenue(r.incrementalProfit.ci[0]), revenue(r.incrementalProfit.ci[1])] },
    cost: verdict.waveCost,
    incrementalProfit: r.incrementalProfit,
    recommendation: r.recommendation,
    plan: found.case ? planOnWave(found.case, verdict, r.conversion) : null,
  }]
}

/** The case's planned uplift on the pilot's target, priced by the verdict's own line: what the plan promised this wave. */
function planOnWave(programCase: ProgramCase, verdict: ProgramVerdictView, conversion: number): NonNullable<ProgramReturn['plan']> {
  const responders = programCase.uplift * verdict.wave.target
  const priced = priceVerdict({ incrementalResponders: { estimate: responders, ci: [responders, responders] }, conversion, valuePerProduct: kop(programCase.valuePerProduct)!, waveCost: kop(verdict.waveCost)! })
  return { uplift: programCase.uplift, incrementalProfit: rub(priced.incrementalProfit.estimate), npv: programCase.npv }
}

/** Without a verdict: each arm on its headline response, its value as revenue; undefined when the program has no arm. */
async function resultRows(db: Kysely<Schema>, program: ProgramRecord, now: Date): Promise<ProgramReturn[] | undefined> {
  const results = await viewProgramResults(db, { code: program.code, now })
  if (results.arms.length === 0) return undefined
  const closed = new Map((await readProgramArms(db, { program, now })).map((a) => [a.wave.id, a.window.closed]))
  return [...closed.keys()].flatMap((wave) => {
    const arms = results.arms.filter((a) => a.wave === wave)
    const type = headlineResponse(arms.map((a) => a.response))
    const arm = arms.find((a) => a.response === type)
    if (!type || !arm) return []
    // The headline's own values (a purchase's spend) when it has them, else the arm's spend or balance.
    const value = arm.value_uplift ? arm : (arms.find((a) => a.response === 'spend') ?? arms.find((a) => a.response === 'balance'))
    const n = arm.members
    return [{
      ...head(program),
      basis: 'results' as const,
      wave,
      arm: arm.arm,
      response: type,
      target: n,
      control: arm.control.members,
      uplift: { estimate: arm.uplift, ci: arm.ci },
      p: arm.p,
      significant: arm.p < ALPHA,
      windowClosed: closed.get(wave) ?? false,
      incrementalResponders: { estimate: arm.uplift * n, ci: [arm.ci[0] * n, arm.ci[1] * n] },
      incrementalRevenue: revenueOf(value, n),
      cost: null,
      incrementalProfit: null,
      recommendation: null,
      plan: null,
    }]
  })
}

function revenueOf(arm: ArmResult | undefined, n: number): ProgramReturn['incrementalRevenue'] {
  const value = arm?.value_uplift
  return value ? { estimate: value.difference * n, ci: [value.ci[0] * n, value.ci[1] * n] } : null
}

const head = (program: ProgramRecord) => ({ program: program.code, name: program.name, status: program.status })

/** Priced rows by profit, the best first; then unpriced ones by incremental responders; ties by code. */
function byProfit(a: ProgramReturn, b: ProgramReturn): number {
  if (a.incrementalProfit && b.incrementalProfit) return b.incrementalProfit.estimate - a.incrementalProfit.estimate || a.program.localeCompare(b.program)
  if (a.incrementalProfit || b.incrementalProfit) return a.incrementalProfit ? -1 : 1
  return b.incrementalResponders.estimate - a.incrementalResponders.estimate || a.program.localeCompare(b.program) || a.wave - b.wave
}
