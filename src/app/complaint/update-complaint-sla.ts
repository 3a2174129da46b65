import type { Kysely } from 'kysely'
import type { ComplaintSlaSettings } from '../../contract/complaint-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { replaceComplaintSlaRules, saveBankCalendar } from '../../db/stores/complaint-sla-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { viewComplaintSla } from './view-complaint-sla.ts'

/**
 * Replaces the SLA rules and the calendar together (PUT /api/complaints/sla), audited. The due
 * dates of complaints already registered stay as they were computed: a deadline told to a client
 * does not move when the rules change.
 */
export async function updateComplaintSla(db: Kysely<Schema>, input: ComplaintSlaSettings & { viewer: SessionUser }): Promise<ComplaintSlaSettings> {
  await db.transaction().execute(async (tx) => {
    await replaceComplaintSlaRules(tx, input.rules)
    await saveBankCalendar(tx, input.calendar)
    await appendAuditEvent(tx, { userId: input.viewer.id, login: input.viewer.login, action: 'complaint_sla.update', details: { rules: input.rules.length, daysOff: input.calendar.daysOff.length, workingDays: input.calendar.workingDays.length } })
  })
  return viewComplaintSla(db)
}
