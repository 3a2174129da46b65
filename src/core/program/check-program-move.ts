import { reason, type AnyReason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'
import type { Role } from '../../contract/roles.ts'
import { PROGRAM_MOVES, allowedMoves, type ProgramStatus } from './program-moves.ts'
import type { ChecklistEntry } from './pre-launch-checklist.ts'

export type ProgramMove = {
  from: ProgramStatus
  to: ProgramStatus
  actor: { id: number | null; login: string; role: Role }
  /** Who moved the program into `proposed` last; undefined when it never was. */
  proposer: { id: number | null; login: string } | undefined
  /** The pre-launch checklist, needed for approved → pilot. */
  checklist: readonly ChecklistEntry[]
  /** Why the business case cannot be computed (`case.missing`, `case.no_product`); undefined when it can. */
  caseMissing: AnyReason | undefined
}

/** A program is proposed and approved on its numbers: both moves need a business case that computes. */
const NEED_A_CASE: readonly ProgramStatus[] = ['proposed', 'approved']

/**
 * Allows a move or refuses it, in this order: a move the table has not (409, naming the status
 * and the moves open from it), a role the move is not for (403), an approval by whoever proposed
 * the program (409, four eyes), a pilot before its checklist is met (409, naming each unmet item).
 * Proposing or approving a program whose business case does not compute is refused with the
 * case's own reason (409, naming the missing fields).
 */
export function checkProgramMove(move: ProgramMove): void {
  const { from, to, actor } = move
  const roles = PROGRAM_MOVES[from][to]
  if (!roles) {
    const allowed = allowedMoves(from).map((m) => m.to).join(', ') || 'none'
    throw new DomainError('conflict', `A program in status ${from} cannot move to ${to}; allowed: ${allowed}`, reason('program.move_not_allowed', { status: from, to, allowed }))
  }
  if (!roles.includes(actor.role)) {
    throw new DomainError('forbidden', `The role ${actor.role} may not move a program from ${from} to ${to}`, reason('program.role_may_not_move', { role: actor.role, status: from, to, roles: roles.join(', ') }))
  }
  if (NEED_A_CASE.includes(to) && move.caseMissing) {
    throw new DomainError('conflict', `A program moves to ${to} only with a business case that computes`, move.caseMissing)
  }
  if (to === 'approved' && move.proposer && isSamePerson(move.proposer, actor)) {
    throw new DomainError('conflict', `Four eyes: ${actor.login} proposed this program and cannot approve it`, reason('program.four_eyes', { login: actor.login }))
  }
  if (from === 'approved' && to === 'pilot') {
    const unmet = move.checklist.filter((entry) => !entry.met).map((entry) => entry.item)
    if (unmet.length > 0) throw new DomainError('conflict', `The pilot cannot start: ${unmet.join(', ')} not set`, reason('program.checklist_unmet', { items: unmet.join(', ') }))
  }
}

// The same user by id; the CLI acts without a user row, so its login (cli:<system user>) decides.
function isSamePerson(a: { id: number | null; login: string }, b: { id: number | null; login: string }): boolean {
  return a.id !== null && b.id !== null ? a.id === b.id : a.login === b.login
}
