import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// The supervisor's board: counts per call wave and per operator, in SQL over the call tables.

export type BoardCounts = {
  tasks: number
  called: number
  reached: number
  agreed: number
  interested: number
  attempts: number
  handleSeconds: number
  overdueCallbacks: number
}

export type WaveCounts = BoardCounts & { waveId: number; programCode: string; programName: string; done: number; open: number }
export type OperatorCounts = BoardCounts & { login: string; fullName: string; assigned: number }

const num = (value: unknown) => Number(value ?? 0)

function counts(row: Record<string, unknown>): BoardCounts {
  return {
    tasks: num(row.tasks), called: num(row.called), reached: num(row.reached), agreed: num(row.agreed), interested: num(row.interested),
    attempts: num(row.attempts), handleSeconds: num(row.handle_seconds), overdueCallbacks: num(row.overdue),
  }
}

/** Per wave with a call list: clients called, reached, agreed (a client counts once, by their calls' outcomes). */
export async function waveBoardCounts(db: Kysely<Schema>, now: Date): Promise<WaveCounts[]> {
  const rows = await sql<Record<string, unknown>>`
    WITH per_client AS (
      SELECT a.client_id, a.wave_id, count(*) AS attempts, sum(a.handle_seconds) AS handle_seconds,
        bool_or(a.technical = 'connected') AS reached, bool_or(a.business = 'agreed') AS agreed, bool_or(a.business = 'interested') AS interested
      FROM call_attempts a GROUP BY a.client_id, a.wave_id
    )
    SELECT t.wave_id, p.code, p.name, count(*) AS tasks,
      count(*) FILTER (WHERE t.status IN ('done', 'exhausted', 'closed', 'removed')) AS done,
      count(*) FILTER (WHERE t.status IN ('open', 'in_call')) AS open,
      count(c.client_id) AS called, count(*) FILTER (WHERE c.reached) AS reached,
      count(*) FILTER (WHERE c.agreed) AS agreed, count(*) FILTER (WHERE c.interested) AS interested,
      coalesce(sum(c.attempts), 0) AS attempts, coalesce(sum(c.handle_seconds), 0) AS handle_seconds,
      (SELECT count(*) FROM callbacks b WHERE b.wave_id = t.wave_id AND b.status = 'pending' AND b.due_at < ${now}) AS overdue
    FROM call_tasks t JOIN programs p ON p.id = t.program_id
    LEFT JOIN per_client c ON c.client_id = t.client_id AND c.wave_id = t.wave_id
    GROUP BY t.wave_id, p.code, p.name ORDER BY t.wave_id DESC LIMIT 50`.execute(db)
  return rows.rows.map((r) => ({ ...counts(r), waveId: num(r.wave_id), programCode: String(r.code), programName: String(r.name), done: num(r.done), open: num(r.open) }))
}

/** Per operator: their attempts, the clients they called and reached, and their overdue callbacks. */
export async function operatorBoardCounts(db: Kysely<Schema>, now: Date): Promise<OperatorCounts[]> {
  const rows = await sql<Record<string, unknown>>`
    WITH per_client AS (
      SELECT a.operator_id, a.client_id, a.wave_id, count(*) AS attempts, sum(a.handle_seconds) AS handle_seconds,
        bool_or(a.technical = 'connected') AS reached, bool_or(a.business = 'agreed') AS agreed, bool_or(a.business = 'interested') AS interested
      FROM call_attempts a WHERE a.operator_id IS NOT NULL GROUP BY a.operator_id, a.client_id, a.wave_id
    ), per_operator AS (
      SELECT operator_id, count(*) AS called, count(*) FILTER (WHERE reached) AS reached, count(*) FILTER (WHERE agreed) AS agreed,
        count(*) FILTER (WHERE interested) AS interested, sum(attempts) AS attempts, sum(handle_seconds) AS handle_seconds
      FROM per_client GROUP BY operator_id
    )
    SELECT u.login, u.full_name,
      (SELECT count(*) FROM call_tasks t WHERE t.operator_id = u.id) AS assigned,
      (SELECT count(*) FROM call_tasks t WHERE t.operator_id = u.id AND t.status IN ('open', 'in_call')) AS tasks,
      o.called, o.reached, o.agreed, o.interested, o.attempts, o.handle_seconds,
      (SELECT count(*) FROM callbacks b WHERE b.operator_id = u.id AND b.status = 'pending' AND b.due_at < ${now}) AS overdue
    FROM users u LEFT JOIN per_operator o ON o.operator_id = u.id
    WHERE u.role = 'operator' AND (u.active OR o.operator_id IS NOT NULL)
    ORDER BY u.login`.execute(db)
  return rows.rows.map((r) => ({ ...counts(r), login: String(r.login), fullName: String(r.full_name), assigned: num(r.assigned) }))
}

export type CallbackLine = { clientId: number; waveId: number; fullName: string; programCode: string; dueAt: string; onlyMe: boolean; operator: string | null }

/** Pending callbacks by due time: the operator's own and everyone's "anyone" ones; all of them for a supervisor. */
export async function listPendingCallbacks(db: Kysely<Schema>, input: { operatorId: number | null; limit: number }): Promise<CallbackLine[]> {
  let query = db
    .selectFrom('callbacks as b')
    .innerJoin('clients as c', 'c.id', 'b.client_id')
    .innerJoin('waves as w', 'w.id', 'b.wave_id')
    .innerJoin('programs as p', 'p.id', 'w.program_id')
    .leftJoin('users as u', 'u.id', 'b.operator_id')
    .select(['b.client_id', 'b.wave_id', 'c.full_name', 'p.code', 'b.due_at', 'b.only_me', 'u.login'])
    .where('b.status', '=', 'pending')
  if (input.operatorId !== null) {
    const me = input.operatorId
    query = query.where((eb) => eb.or([eb('b.only_me', '=', false), eb('b.operator_id', '=', me)]))
  }
  const rows = await query.orderBy('b.due_at').limit(input.limit).execute()
  return rows.map((r) => ({
    clientId: Number(r.client_id), waveId: r.wave_id, fullName: r.full_name, programCode: r.code, dueAt: new Date(r.due_at).toISOString(), onlyMe: r.only_me, operator: r.login,
  }))
}
