import type { Kysely } from 'kysely'
import { routeComplaint } from '../../core/complaint/route-complaint.ts'
import { demoComplaints } from '../../core/demo/demo-complaints.ts'
import type { Schema } from '../../db/schema.ts'
import { listComplaintEconomists, readBankCalendar, readComplaintSlaRules } from '../../db/stores/complaint-sla-store.ts'
import { insertDemoComplaints, listDemoComplainants } from '../../db/stores/demo-complaint-store.ts'

/**
 * The demo bank's complaints register (core/demo/demo-complaints.ts): 15 months of complaints of a
 * sample of clients, each with its SLA by the bank's settings, its routed owner and its history of
 * moves, in batches. Returns how many.
 */
export async function loadDemoComplaints(db: Kysely<Schema>, input: { today: string; seed: number }): Promise<number> {
  const [clients, rules, calendar, economists] = await Promise.all([listDemoComplainants(db), readComplaintSlaRules(db), readBankCalendar(db), listComplaintEconomists(db)])
  const complaints = demoComplaints({ clients, today: input.today, seed: input.seed, rules, calendar })
  const owned = complaints.map((q) => ({ ...q, ownerId: routeComplaint({ category: q.category, branchId: q.branchId, rules: [], economists }) }))
  await insertDemoComplaints(db, owned)
  return owned.length
}
