import type { ProgramStatus } from '../../contract/program-schemas.ts'
import type { Role } from '../../contract/roles.ts'

export { PROGRAM_STATUSES, type ProgramStatus } from '../../contract/program-schemas.ts'

/**
 * The one table of a program's lifecycle: from each status, the statuses it may move to and the
 * roles that may make each move (DESIGN.md: economists prepare and propose; the head approves,
 * judges the pilot and decides the rollout). A proposal goes back to draft when the head returns
 * it or its economist withdraws it; an evaluated pilot is rolled out, extended (back to pilot) or
 * stopped (closed). Closed and cancelled are final.
 */
export const PROGRAM_MOVES: Readonly<Record<ProgramStatus, Partial<Record<ProgramStatus, readonly Role[]>>>> = {
  draft: { proposed: ['program_economist'], cancelled: ['program_economist', 'head'] },
  proposed: { approved: ['head'], draft: ['program_economist', 'head'], cancelled: ['head'] },
  approved: { pilot: ['program_economist', 'head'], cancelled: ['head'] },
  pilot: { evaluated: ['program_economist', 'head'], cancelled: ['head'] },
  evaluated: { rollout: ['head'], pilot: ['head'], closed: ['head'] },
  rollout: { closed: ['head', 'program_economist'] },
  closed: {},
  cancelled: {},
}

/** The moves open from a status, each with the roles that may make it. */
export function allowedMoves(from: ProgramStatus): { to: ProgramStatus; roles: readonly Role[] }[] {
  return Object.entries(PROGRAM_MOVES[from]).map(([to, roles]) => ({ to: to as ProgramStatus, roles: roles! }))
}

/**
 * The statuses waiting for a decision only this role makes (the head's inbox: proposed programs
 * to approve, evaluated pilots to roll out, extend or stop; the economist's: drafts to propose).
 * Cancelling and returning to draft are not what anyone waits for.
 */
export function statusesAwaiting(role: Role): ProgramStatus[] {
  return (Object.keys(PROGRAM_MOVES) as ProgramStatus[]).filter((from) =>
    Object.entries(PROGRAM_MOVES[from]).some(([to, roles]) => to !== 'cancelled' && to !== 'draft' && roles!.length === 1 && roles![0] === role),
  )
}
