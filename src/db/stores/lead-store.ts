import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// Leads from the call centre: each client's latest "interested" or "agreed" call per wave.

export type CallLeadRow = {
  clientId: number
  bankId: string
  fullName: string
  phone: string | null
  personalManagerId: number | null
  branchId: number | null
  branchName: string | null
  programCode: string
  outcome: 'interested' | 'agreed'
  at: string
  operatorLogin: string
  note: string | null
}

export async function listCallLeadRows(db: Kysely<Schema>, input: { limit: number }): Promise<CallLeadRow[]> {
  const rows = await sql<CallLeadRow>`
    SELECT DISTINCT ON (a.client_id, a.wave_id) a.client_id AS "clientId", c.bank_id AS "bankId", c.full_name AS "fullName", c.phone,
      c.personal_manager_id AS "personalManagerId", c.branch_id AS "branchId", b.name AS "branchName", p.code AS "programCode",
      a.business AS outcome, a.ended_at AS at, a.operator_login AS "operatorLogin", a.note
    FROM call_attempts a JOIN clients c ON c.id = a.client_id JOIN waves w ON w.id = a.wave_id JOIN programs p ON p.id = w.program_id
    LEFT JOIN branches b ON b.id = c.branch_id
    WHERE a.business IN ('interested', 'agreed')
    ORDER BY a.client_id, a.wave_id, a.ended_at DESC
    LIMIT ${input.limit}`.execute(db)
  return rows.rows
    .map((r) => ({ ...r, clientId: Number(r.clientId), at: new Date(r.at).toISOString() }))
    .sort((x, y) => y.at.localeCompare(x.at))
}
