import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { deleteSession, type SessionUser } from '../../db/stores/user-store.ts'
import { hashSessionToken } from './log-in.ts'

/** Ends the session of the token; the audit event is written in the same transaction. */
export async function logOut(db: Kysely<Schema>, input: { token: string | undefined; user: SessionUser | undefined }): Promise<void> {
  const { token, user } = input
  await db.transaction().execute(async (tx) => {
    if (token) await deleteSession(tx, hashSessionToken(token))
    if (user) await appendAuditEvent(tx, { userId: user.id, login: user.login, action: 'auth.logout' })
  })
}
