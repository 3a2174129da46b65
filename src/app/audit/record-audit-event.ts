import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'

/** Who did it: a signed-in user, or the CLI (`id` null, `login` 'cli:<system user>'). */
export type AuditActor = { id: number | null; login: string | null }

export type AuditedAction = { action: string; entity?: string; entityId?: string; details?: Record<string, unknown> }

/**
 * Records what an actor did, for work that is not one transaction of its own (a profile refresh,
 * a count, a CLI import that ran in many): written once the work is done, with its outcome.
 * A change made in one transaction writes its event inside that transaction instead.
 */
export async function recordAuditEvent(db: Kysely<Schema>, actor: AuditActor, event: AuditedAction): Promise<void> {
  await appendAuditEvent(db, { userId: actor.id, login: actor.login, ...event })
}
