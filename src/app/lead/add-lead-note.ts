import type { Kysely } from 'kysely'
import type { LeadItem } from '../../contract/lead-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { insertLeadNote } from '../../db/stores/lead-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { bankToday } from '../bank/bank-today.ts'
import { readLead, visibleLead } from './move-lead.ts'

/** A note on the viewer's lead (what the client said, what was agreed), kept with its author and time, audited. */
export async function addLeadNote(db: Kysely<Schema>, input: { id: number; text: string; viewer: SessionUser; now: Date }): Promise<LeadItem> {
  const today = await bankToday(db, input.now)
  await db.transaction().execute(async (tx) => {
    const lead = await visibleLead(tx, input.id, input.viewer, today)
    await insertLeadNote(tx, { lead, author: { id: input.viewer.id, login: input.viewer.login }, text: input.text, at: input.now })
    await appendAuditEvent(tx, { userId: input.viewer.id, login: input.viewer.login, action: 'lead.note', entity: 'client', entityId: String(lead.clientId), details: { lead: lead.id } })
  })
  return readLead(db, input.id, input.viewer, today)
}
