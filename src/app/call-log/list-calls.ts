import type { Kysely } from 'kysely'
import type { CallList, CallListQuery } from '../../contract/call-log-schemas.ts'
import { maskPersonalData } from '../../core/mask-personal-data.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { listPeriodCalls } from '../../db/stores/call-analysis-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { resolveCallPeriod } from './resolve-call-period.ts'

/**
 * A period's calls, newest first, each with its client (the link to the client card) and whether
 * a repeat followed it. The phones are masked for a role without clearance; the read is audited
 * as a list of clients.
 */
export async function listCalls(db: Kysely<Schema>, viewer: SessionUser, query: CallListQuery & { now: Date }): Promise<CallList> {
  const period = await resolveCallPeriod(db, query)
  const { total, rows } = await listPeriodCalls(db, { ...query, ...period })
  await appendAuditEvent(db, {
    userId: viewer.id, login: viewer.login, action: 'client.list',
    details: { via: 'calls', from: period.from, to: period.to, count: rows.length, ...(query.reason && { reason: query.reason }), ...(query.outcome && { outcome: query.outcome }) },
  })
  return {
    from: period.from,
    to: period.to,
    total,
    items: rows.map((row) => ({ ...maskPersonalData(viewer.role, row), startedAt: row.startedAt.toISOString() })),
  }
}
