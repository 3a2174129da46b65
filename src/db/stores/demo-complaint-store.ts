import { sql, type Kysely } from 'kysely'
import type { DemoComplaint } from '../../core/demo/demo-complaints.ts'
import type { Schema } from '../schema.ts'

const BATCH = 500

/** The demo's clients who may complain: every client, id and branch (the generator samples them). */
export async function listDemoComplainants(db: Kysely<Schema>): Promise<{ id: number; branchId: number | null }[]> {
  const rows = await db.selectFrom('clients').select(['id', 'branch_id']).orderBy('id').execute()
  return rows.map((r) => ({ id: Number(r.id), branchId: r.branch_id }))
}

/** The demo's complaints and their moves (registration, taken in work, resolved, closed), by the demo's client economist. */
export async function insertDemoComplaints(db: Kysely<Schema>, complaints: readonly (DemoComplaint & { ownerId: number | null })[]): Promise<void> {
  for (let start = 0; start < complaints.length; start += BATCH) {
    const batch = complaints.slice(start, start + BATCH)
    const ids = await db.insertInto('complaints').values(batch.map((q) => ({
      client_id: q.clientId, received_at: q.receivedAt, workflow_status: q.status, category: q.category, channel: q.channel, severity: q.severity,
      subject: q.subject, owner_id: q.ownerId, branch_id: q.branchId, sla_due_on: q.slaDueOn, sla_working_days: q.slaWorkingDays,
      resolution: q.resolution, root_cause: q.rootCause, compensation: q.compensation, closed_at: q.resolvedAt, updated_at: q.closedAt ?? q.resolvedAt ?? q.receivedAt,
    }))).returning(['client_id', 'id']).execute()
    const moves = batch.flatMap((q, i) => {
      const key = { client_id: q.clientId, complaint_id: Number(ids[i]!.id), user_id: q.ownerId, login: 'client_economist', note: null }
      const taken = new Date(q.receivedAt.getTime() + 3_600_000)
      return [
        { ...key, kind: 'registration' as const, from_status: null, to_status: 'registered' as const, at: q.receivedAt },
        ...(q.status === 'registered' ? [] : [{ ...key, kind: 'move' as const, from_status: 'registered' as const, to_status: 'in_progress' as const, at: taken }]),
        ...(q.status === 'awaiting_client' ? [{ ...key, kind: 'move' as const, from_status: 'in_progress' as const, to_status: 'awaiting_client' as const, at: new Date(taken.getTime() + 86_400_000) }] : []),
        ...(q.resolvedAt ? [{ ...key, kind: 'move' as const, from_status: 'in_progress' as const, to_status: 'resolved' as const, at: q.resolvedAt }] : []),
        ...(q.closedAt ? [{ ...key, kind: 'move' as const, from_status: 'resolved' as const, to_status: 'closed' as const, at: q.closedAt }] : []),
      ]
    })
    await db.insertInto('complaint_moves').values(moves).execute()
  }
  await sql`ANALYZE complaints`.execute(db)
}
