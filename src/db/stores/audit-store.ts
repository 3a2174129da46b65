import type { Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

export type AuditEventInput = {
  userId: number | null
  login: string | null
  action: string
  entity?: string
  entityId?: string
  details?: Record<string, unknown>
}

/** Appends one audit event. There is deliberately no update or delete here: the log is append-only. */
export async function appendAuditEvent(db: Kysely<Schema>, event: AuditEventInput): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      user_id: event.userId,
      login: event.login,
      action: event.action,
      entity: event.entity ?? null,
      entity_id: event.entityId ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute()
}

export type AuditEvent = {
  id: number
  at: string
  login: string | null
  action: string
  entity: string | null
  entityId: string | null
  details: Record<string, unknown>
}

export type AuditFilter = { login?: string; action?: string; from?: Date; to?: Date }

/** Audit events, newest first. `to` is exclusive. */
export async function listAuditEvents(
  db: Kysely<Schema>,
  input: { filter: AuditFilter; limit: number; offset: number },
): Promise<{ total: number; items: AuditEvent[] }> {
  const { filter } = input
  let query = db.selectFrom('audit_events')
  if (filter.login !== undefined) query = query.where('login', '=', filter.login)
  if (filter.action !== undefined) query = query.where('action', '=', filter.action)
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from)
  if (filter.to !== undefined) query = query.where('at', '<', filter.to)
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query
      .select(['id', 'at', 'login', 'action', 'entity', 'entity_id', 'details'])
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
  ])
  const items = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    login: r.login,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    details: r.details as Record<string, unknown>,
  }))
  return { total: Number(count.n), items }
}
