import type { Kysely } from 'kysely'
import type { BreakdownDimension, BreakdownView } from '../../contract/breakdown-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import { DomainError } from '../../core/domain-error.ts'
import { attributionWindow } from '../../core/program/attribution-window.ts'
import { breakDownUplift } from '../../core/response/break-down-uplift.ts'
import type { Schema } from '../../db/schema.ts'
import { summarizeBreakdown } from '../../db/stores/breakdown-store.ts'
import { findPilotWave } from '../../db/stores/pilot-verdict-store.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'

const ALPHA = 0.05

/**
 * The pilot's uplift on one response broken down by a client attribute — the verdict's wave,
 * window and comparison, level by level — with Holm's and Benjamini–Hochberg's adjusted p-values
 * over the levels (core/response/break-down-uplift.ts says why).
 */
export async function breakDownPilot(
  db: Kysely<Schema>,
  input: { code: string; by: BreakdownDimension; response: ResponseType; now: Date },
): Promise<BreakdownView> {
  const program = await findProgramByCode(db, input.code)
  if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
  const wave = await findPilotWave(db, program.id)
  if (!wave) throw new DomainError('conflict', `Program ${program.code} has no pilot wave`, reason('verdict.no_pilot_wave', { program: program.code }))
  const window = attributionWindow({ builtAt: wave.builtAt, days: program.businessCase.attributionDays, now: input.now })
  const cells = await summarizeBreakdown(db, { programId: program.id, waveId: wave.id, type: input.response, from: window.from, until: window.until, by: input.by })
  const { rows, skipped } = breakDownUplift(cells, ALPHA)
  return {
    program: program.code,
    wave: wave.id,
    by: input.by,
    response: input.response,
    window: { from: window.from, until: window.until, days: window.days },
    alpha: ALPHA,
    rows,
    skipped: skipped.map((s) => ({ level: s.level, name: s.name, target: s.target.n, control: s.control.n })),
  }
}
