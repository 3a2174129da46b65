import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// pg-boss's own tables (schema pgboss, created by pg-boss at start), read for the jobs page and
// `otklik jobs`: counts per queue and the latest jobs. Job data holds ids only (an import's id, a
// refresh's day), never personal data. Read-only: jobs are sent and worked through pg-boss.

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed'

export type QueueCounts = { queue: string; waiting: number; running: number; completed: number; failed: number }

export type JobSummary = {
  id: string
  queue: string
  state: JobState
  data: Record<string, unknown>
  output: Record<string, unknown> | null
  retryCount: number
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

/** Jobs per Otklik queue (dead-letter queues included) by state; an empty list before pg-boss ever started. */
export async function countJobsByQueue(db: Kysely<Schema>): Promise<QueueCounts[]> {
  if (!(await hasJobTables(db))) return []
  const { rows } = await sql<{ queue: string; waiting: number; running: number; completed: number; failed: number }>`
    SELECT q.name AS queue,
      count(j.id) FILTER (WHERE j.state IN ('created', 'retry')) AS waiting,
      count(j.id) FILTER (WHERE j.state = 'active') AS running,
      count(j.id) FILTER (WHERE j.state = 'completed') AS completed,
      count(j.id) FILTER (WHERE j.state = 'failed') AS failed
    FROM pgboss.queue q LEFT JOIN pgboss.job j ON j.name = q.name
    WHERE q.name LIKE 'otklik.%'
    GROUP BY q.name ORDER BY q.name`.execute(db)
  return rows.map((r) => ({ queue: r.queue, waiting: Number(r.waiting), running: Number(r.running), completed: Number(r.completed), failed: Number(r.failed) }))
}

/** The latest jobs, newest first. */
export async function listRecentJobs(db: Kysely<Schema>, limit: number): Promise<JobSummary[]> {
  if (!(await hasJobTables(db))) return []
  const { rows } = await sql<{ id: string; name: string; state: JobState; data: Record<string, unknown> | null; output: Record<string, unknown> | null; retry_count: number; created_on: Date; started_on: Date | null; completed_on: Date | null }>`
    SELECT id::text AS id, name, state::text AS state, data, output, retry_count, created_on, started_on, completed_on
    FROM pgboss.job WHERE name LIKE 'otklik.%'
    ORDER BY created_on DESC, id DESC LIMIT ${limit}`.execute(db)
  return rows.map((r) => ({
    id: r.id, queue: r.name, state: r.state, data: r.data ?? {}, output: r.output, retryCount: r.retry_count,
    createdAt: iso(r.created_on)!, startedAt: iso(r.started_on), finishedAt: iso(r.completed_on),
  }))
}

async function hasJobTables(db: Kysely<Schema>): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`SELECT to_regclass('pgboss.job') IS NOT NULL AS present`.execute(db)
  return rows[0].present
}

// pg-boss stores `timestamp with time zone`; node-pg gives Dates.
function iso(value: Date | null): string | null {
  return value === null ? null : new Date(value).toISOString()
}
