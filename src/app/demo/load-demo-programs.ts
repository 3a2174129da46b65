import type { Kysely } from 'kysely'
import { DEMO_PROGRAMS } from '../../core/demo/demo-programs.ts'
import { PROGRAM_MOVES } from '../../core/program/program-moves.ts'
import type { Schema } from '../../db/schema.ts'
import { findUserByLogin } from '../../db/stores/user-store.ts'
import { createProgram } from '../program/create-program.ts'
import type { ProgramActor } from '../program/program-actor.ts'
import { transitionProgram } from '../program/transition-program.ts'

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * The demo bank's registry (core/demo/demo-programs.ts), built through the same use cases as the
 * API: the program economist creates and proposes, the head decides, each move a decision record.
 */
export async function loadDemoPrograms(db: Kysely<Schema>, today: string): Promise<number> {
  const actor = async (login: 'program_economist' | 'head'): Promise<ProgramActor | undefined> => {
    const user = await findUserByLogin(db, login)
    return user && { id: user.id, login: user.login, role: user.role }
  }
  const economist = await actor('program_economist')
  const head = await actor('head')
  if (!economist || !head) return 0
  for (const { startInDays, endInDays, moves, ...body } of DEMO_PROGRAMS) {
    let program = await createProgram(db, { body: { ...body, plannedStart: addDays(today, startInDays), plannedEnd: addDays(today, endInDays) }, actor: economist })
    for (const move of moves) {
      const roles = PROGRAM_MOVES[program.status][move.to] ?? []
      const by = roles.includes('program_economist') ? economist : head
      program = await transitionProgram(db, { code: program.code, to: move.to, comment: move.comment, actor: by, now: new Date(`${today}T12:00:00Z`) })
    }
  }
  return DEMO_PROGRAMS.length
}
