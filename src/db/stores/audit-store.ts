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
