import type { Kysely } from 'kysely'
import type { ComplaintRoute } from '../../core/complaint/route-complaint.ts'
import type { ComplaintSlaRule } from '../../core/complaint/complaint-sla-days.ts'
import { DEFAULT_BANK_CALENDAR } from '../../core/default-bank-calendar.ts'
import type { BankCalendar } from '../../core/working-days.ts'
import type { Schema } from '../schema.ts'

// The complaint SLA settings (table complaint_sla, migration 0030), the bank's calendar of decreed
// days off (bank_settings 'bank_calendar') and the routing rules (table complaint_routes).

export async function readComplaintSlaRules(db: Kysely<Schema>): Promise<ComplaintSlaRule[]> {
  const rows = await db.selectFrom('complaint_sla').select(['category', 'channel', 'working_days']).orderBy('category').orderBy('channel').execute()
  return rows.map((r) => ({ category: r.category, channel: r.channel, workingDays: r.working_days }))
}

/** Replaces every rule at once (inside the caller's transaction): the settings are edited as one table. */
export async function replaceComplaintSlaRules(tx: Kysely<Schema>, rules: readonly ComplaintSlaRule[]): Promise<void> {
  await tx.deleteFrom('complaint_sla').execute()
  await tx.insertInto('complaint_sla').values(rules.map((r) => ({ category: r.category, channel: r.channel, working_days: r.workingDays }))).execute()
}

/** The decreed days off and working weekends; the demo default (core/default-bank-calendar.ts) until the bank sets its own. */
export async function readBankCalendar(db: Kysely<Schema>): Promise<BankCalendar> {
  const row = await db.selectFrom('bank_settings').select('value').where('key', '=', 'bank_calendar').executeTakeFirst()
  const value = row?.value as Partial<BankCalendar> | undefined
  if (!Array.isArray(value?.daysOff) || !Array.isArray(value?.workingDays)) return DEFAULT_BANK_CALENDAR
  return { daysOff: value.daysOff, workingDays: value.workingDays }
}

export async function saveBankCalendar(tx: Kysely<Schema>, calendar: BankCalendar): Promise<void> {
  const value = JSON.stringify({ daysOff: [...calendar.daysOff].sort(), workingDays: [...calendar.workingDays].sort() })
  await tx.insertInto('bank_settings').values({ key: 'bank_calendar', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() })).execute()
}

export async function readComplaintRoutes(db: Kysely<Schema>): Promise<ComplaintRoute[]> {
  const rows = await db.selectFrom('complaint_routes').select(['category', 'branch_id', 'owner_id']).execute()
  return rows.map((r) => ({ category: r.category, branchId: r.branch_id, ownerId: r.owner_id }))
}

/** The active client economists, lowest id first: the default owners of complaints. */
export async function listComplaintEconomists(db: Kysely<Schema>): Promise<{ id: number; branchId: number | null }[]> {
  const rows = await db.selectFrom('users').select(['id', 'branch_id']).where('role', '=', 'client_economist').where('active', '=', true).orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, branchId: r.branch_id }))
}
