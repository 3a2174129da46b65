import type { Kysely } from 'kysely'
import type { CallBoard } from '../../contract/call-centre-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { operatorBoardCounts, waveBoardCounts, type BoardCounts } from '../../db/stores/call-board-store.ts'

/**
 * The supervisor's board: per call wave and per operator, progress, the reach rate (clients
 * reached over clients called), conversion (clients who agreed over clients reached), the mean
 * handle time per attempt and the callbacks overdue now.
 */
export async function viewCallBoard(db: Kysely<Schema>, now: Date): Promise<CallBoard> {
  const [waves, operators] = await Promise.all([waveBoardCounts(db, now), operatorBoardCounts(db, now)])
  return {
    waves: waves.map((w) => ({ waveId: w.waveId, programCode: w.programCode, programName: w.programName, done: w.done, open: w.open, ...rates(w) })),
    operators: operators.map((o) => ({ login: o.login, fullName: o.fullName, assigned: o.assigned, ...rates(o) })),
  }
}

function rates(c: BoardCounts) {
  const share = (part: number, whole: number) => (whole === 0 ? null : part / whole)
  return {
    tasks: c.tasks,
    called: c.called,
    reached: c.reached,
    agreed: c.agreed,
    interested: c.interested,
    attempts: c.attempts,
    reachRate: share(c.reached, c.called),
    conversion: share(c.agreed, c.reached),
    avgHandleSeconds: share(c.handleSeconds, c.attempts),
    overdueCallbacks: c.overdueCallbacks,
  }
}
