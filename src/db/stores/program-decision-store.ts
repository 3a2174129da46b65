import type { Kysely } from 'kysely'
import type { ProgramStatus } from '../../contract/program-schemas.ts'
import type { Schema } from '../schema.ts'

export type ProgramDecision = {
  id: number
  at: string
  author: { id: number | null; login: string; fullName: string | null }
  from: ProgramStatus
  to: ProgramStatus
  comment: string | null
  changes: { field: string; before: unknown; after: unknown }[]
  snapshot: Record<string, unknown>
}

export type ProgramDecisionInput = {
  programId: number
  author: { id: number | null; login: string }
  from: ProgramStatus
  to: ProgramStatus
  comment: string | null
  changes?: ProgramDecision['changes']
  snapshot: Record<string, unknown>
}

/** Appends a decision record (the table refuses updates and deletes: migration 0012). */
export async function appendProgramDecision(db: Kysely<Schema>, decision: ProgramDecisionInput): Promise<void> {
  await db
    .insertInto('program_decisions')
    .values({
      program_id: decision.programId,
      author_id: decision.author.id,
      author_login: decision.author.login,
      from_status: decision.from,
      to_status: decision.to,
      comment: decision.comment,
      changes: JSON.stringify(decision.changes ?? []),
      snapshot: JSON.stringify(decision.snapshot),
    })
    .execute()
}

/** The program's decisions, oldest first: its history. */
export async function listProgramDecisions(db: Kysely<Schema>, programId: number): Promise<ProgramDecision[]> {
  const rows = await db
    .selectFrom('program_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.author_id')
    .select(['d.id', 'd.at', 'd.author_id', 'd.author_login', 'u.full_name', 'd.from_status', 'd.to_status', 'd.comment', 'd.changes', 'd.snapshot'])
    .where('d.program_id', '=', programId)
    .orderBy('d.id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    at: new Date(row.at).toISOString(),
    author: { id: row.author_id, login: row.author_login, fullName: row.full_name },
    from: row.from_status as ProgramStatus,
    to: row.to_status as ProgramStatus,
    comment: row.comment,
    changes: row.changes as ProgramDecision['changes'],
    snapshot: row.snapshot as Record<string, unknown>,
  }))
}

/** Who moved the program into `proposed` last (the four-eyes rule keeps them from approving it). */
export async function lastProposer(db: Kysely<Schema>, programId: number): Promise<{ id: number | null; login: string; fullName: string | null } | undefined> {
  const row = await db
    .selectFrom('program_decisions as d')
    .leftJoin('users as u', 'u.id', 'd.author_id')
    .select(['d.author_id', 'd.author_login', 'u.full_name'])
    .where('d.program_id', '=', programId)
    .where('d.to_status', '=', 'proposed')
    .orderBy('d.id', 'desc')
    .executeTakeFirst()
  return row && { id: row.author_id, login: row.author_login, fullName: row.full_name }
}
