import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { listAuditEvents as listAuditEventStore, type AuditEvent } from '../../db/stores/audit-store.ts'

export type ListAuditEventsInput = {
  login?: string
  action?: string
  /** A day ('2026-03-01', from its start) or a moment (ISO 8601). */
  from?: string
  /** A day ('2026-03-31', to its end, inclusive) or a moment (exclusive). */
  to?: string
  limit: number
  offset: number
}

/** The audit log, newest first, for the auditor and admin screen. */
export async function listAuditEvents(db: Kysely<Schema>, input: ListAuditEventsInput): Promise<{ total: number; items: AuditEvent[] }> {
  const filter = {
    login: input.login,
    action: input.action,
    from: input.from === undefined ? undefined : new Date(input.from),
    to: input.to === undefined ? undefined : endOf(input.to),
  }
  return listAuditEventStore(db, { filter, limit: input.limit, offset: input.offset })
}

function endOf(bound: string): Date {
  const date = new Date(bound)
  return /^\d{4}-\d{2}-\d{2}$/.test(bound) ? new Date(date.getTime() + 86_400_000) : date
}
