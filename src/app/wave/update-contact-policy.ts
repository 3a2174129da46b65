import type { Kysely } from 'kysely'
import type { ContactPolicy } from '../../contract/contact-policy.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { saveContactPolicy } from '../../db/stores/policy-store.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'

/** Saves a new version of the global contact policy and its audit event in one transaction. */
export async function updateContactPolicy(db: Kysely<Schema>, input: { policy: ContactPolicy; actor: AuditActor }): Promise<{ version: number; policy: ContactPolicy }> {
  const { policy, actor } = input
  return db.transaction().execute(async (tx) => {
    const saved = await saveContactPolicy(tx, policy, actor.id)
    await appendAuditEvent(tx, {
      userId: actor.id,
      login: actor.login,
      action: 'contact_policy.update',
      entity: 'contact_policy',
      entityId: String(saved.version),
      details: policy,
    })
    return saved
  })
}
