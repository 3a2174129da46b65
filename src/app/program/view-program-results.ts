import type { Kysely } from 'kysely'
import type { ProgramResults } from '../../contract/program-results-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { RESPONSE_TYPES } from '../../contract/response-types.ts'
import { DomainError } from '../../core/domain-error.ts'
import { DEFAULT_ATTRIBUTION_DAYS } from '../../core/program/attribution-window.ts'
import { compareProgramArm, type ArmGroupCounts } from '../../core/program/compare-program-arm.ts'
import type { Schema } from '../../db/schema.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import { countFirstResponseDays, summarizeArmResponses, summarizeLeadSales, type ArmCell } from '../../db/stores/program-results-store.ts'
import { armName, readProgramArms } from './read-program-arms.ts'
import { armCurve } from './view-response-curve.ts'

/**
 * GET /api/programs/:code/results and `otklik program results`: every wave of the program is an
 * arm — named by the offer it sends — compared with its own control group on each response type
 * any member of it has, within the case's attribution window from the wave's build, with its
 * cumulative response curve. A wave without members in both groups has nothing to compare and is
 * left out. Beside the arms: the leads the program brought and the sales that closed them.
 */
export async function viewProgramResults(db: Kysely<Schema>, input: { code: string; now: Date }): Promise<ProgramResults> {
  const program = await findProgramByCode(db, input.code)
  if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
  const arms = await readProgramArms(db, { program, now: input.now })
  const windows = arms.map((a) => a.window)
  const [cells, days] = await Promise.all([summarizeArmResponses(db, { programId: program.id, windows }), countFirstResponseDays(db, { programId: program.id, windows })])
  const cellOf = new Map(cells.map((c) => [`${c.waveId}/${c.group}/${c.type}`, c]))
  const counts = (cell: ArmCell | undefined, members: number): ArmGroupCounts => ({ members, responders: cell?.responders ?? 0, mean: cell?.mean ?? 0, variance: cell?.variance ?? 0 })
  const results = arms.flatMap((arm) => {
    const { wave } = arm
    return RESPONSE_TYPES.filter((type) => cells.some((c) => c.waveId === wave.id && c.type === type)).map((type) => ({
      ...compareProgramArm({
        arm: armName(wave),
        wave: wave.id,
        offer: wave.offerName,
        response: type,
        target: counts(cellOf.get(`${wave.id}/target/${type}`), wave.target),
        control: counts(cellOf.get(`${wave.id}/control/${type}`), wave.control),
      }),
      curve: armCurve(arm, type, days),
    }))
  })
  return { program: program.code, window_days: program.businessCase.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS, arms: results, lead_sales: await summarizeLeadSales(db, program.id) }
}
