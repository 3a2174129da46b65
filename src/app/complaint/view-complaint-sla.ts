import type { Kysely } from 'kysely'
import type { ComplaintSlaSettings } from '../../contract/complaint-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankCalendar, readComplaintSlaRules } from '../../db/stores/complaint-sla-store.ts'

/** The SLA rules and the bank's calendar (GET /api/complaints/sla). */
export async function viewComplaintSla(db: Kysely<Schema>): Promise<ComplaintSlaSettings> {
  const [rules, calendar] = await Promise.all([readComplaintSlaRules(db), readBankCalendar(db)])
  // The rows were written through the settings' schema (or the migration's defaults).
  return { rules: rules as ComplaintSlaSettings['rules'], calendar: { daysOff: [...calendar.daysOff], workingDays: [...calendar.workingDays] } }
}
