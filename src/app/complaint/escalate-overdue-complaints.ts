import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { markOverdueComplaintsEscalated } from '../../db/stores/complaint-store.ts'

/**
 * Escalates the complaints overdue on the bank's `today` that were not yet: a flag (escalated_at),
 * an escalation move in the complaint's history and an audit event each. Done on read — every
 * reader of the register runs it first — rather than by a nightly job: a complaint turns overdue
 * only when a bank day begins, the first reader of the day does the work in one short UPDATE (the
 * rest find nothing to do), and a register is never shown with an overdue complaint not yet
 * escalated, whether or not a job runner is up. The status is left as it is: escalation says the
 * head must look, not where the work stands.
 */
export async function escalateOverdueComplaints(db: Kysely<Schema>, input: { today: string; now: Date }): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const escalated = await markOverdueComplaintsEscalated(tx, { today: input.today, at: input.now })
    for (const complaint of escalated) {
      await appendAuditEvent(tx, {
        userId: null, login: 'system', action: 'complaint.escalate', entity: 'client', entityId: String(complaint.clientId),
        details: { complaint: complaint.id, status: complaint.status, dueOn: complaint.slaDueOn },
      })
    }
    return escalated.length
  })
}
