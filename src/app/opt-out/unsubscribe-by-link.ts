import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { readUnsubscribeToken, type UnsubscribeClaim } from '../../core/execution/unsubscribe-token.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { readLinkSecret } from '../../db/stores/link-secret-store.ts'
import { insertOptOuts } from '../../db/stores/opt-out-store.ts'

/** Whose link it is, or a refusal for a forged or damaged one (nothing is recorded then). */
export async function readUnsubscribeLink(db: Kysely<Schema>, token: string): Promise<UnsubscribeClaim> {
  const claim = readUnsubscribeToken(token, await readLinkSecret(db))
  if (!claim) throw new DomainError('invalid_input', 'This unsubscribe link is not valid', reason('unsubscribe.bad_link'))
  return claim
}

/**
 * The client's click on "unsubscribe" (or the mail program's one-click POST, RFC 8058): the refusal
 * of the channel is recorded at once, so the next send's policy check skips the client, and audited.
 */
export async function unsubscribeByLink(db: Kysely<Schema>, input: { token: string; at: Date }): Promise<UnsubscribeClaim> {
  const claim = await readUnsubscribeLink(db, input.token)
  await db.transaction().execute(async (tx) => {
    await insertOptOuts(tx, { clientIds: [claim.clientId], channel: claim.channel, at: input.at, source: 'unsubscribe_link' })
    await appendAuditEvent(tx, { userId: null, login: 'client', action: 'consent.opt_out', entity: 'client', entityId: String(claim.clientId), details: { channel: claim.channel, contact: claim.contactId, source: 'unsubscribe_link' } })
  })
  return claim
}
