import type { Kysely } from 'kysely'
import { attributionWindow, type AttributionWindow } from '../../core/program/attribution-window.ts'
import { curveLastDay } from '../../core/response/cumulate-response-curve.ts'
import type { Schema } from '../../db/schema.ts'
import type { ProgramRecord } from '../../db/stores/program-store.ts'
import { listArmWaves, type ArmWave } from '../../db/stores/program-results-store.ts'

/** A wave compared as an arm: its window from the build, and the last day its response curve reaches by now. */
export type ProgramArm = { wave: ArmWave; window: AttributionWindow & { waveId: number }; lastDay: number }

/** An arm is named by the offer its wave sends, or by the wave when it sends none. */
export const armName = (wave: ArmWave): string => wave.offerCode ?? `wave ${wave.id}`

/**
 * The program's arms as its results and its response curve read them: every wave with members in
 * both groups (one without has nothing to compare), in the order they were built.
 */
export async function readProgramArms(db: Kysely<Schema>, input: { program: ProgramRecord; now: Date }): Promise<ProgramArm[]> {
  const waves = (await listArmWaves(db, input.program.id)).filter((w) => w.target > 0 && w.control > 0)
  return waves.map((wave) => {
    const window = attributionWindow({ builtAt: wave.builtAt, days: input.program.businessCase.attributionDays, now: input.now })
    return { wave, window: { waveId: wave.id, ...window }, lastDay: curveLastDay({ from: window.from, days: window.days, now: input.now }) }
  })
}
