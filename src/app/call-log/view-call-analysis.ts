import type { Kysely } from 'kysely'
import type { CallAnalysis, CallPeriodQuery } from '../../contract/call-log-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { summariseCallPeriod } from '../../db/stores/call-analysis-store.ts'
import { resolveCallPeriod } from './resolve-call-period.ts'

/**
 * The call centre's analysis for a period (issue 10, item 6): volume by reason, day and hour,
 * handle time, first-call resolution, outcomes — counts only, no client in it, so not audited.
 */
export async function viewCallAnalysis(db: Kysely<Schema>, query: CallPeriodQuery & { now: Date }): Promise<CallAnalysis> {
  const period = await resolveCallPeriod(db, query)
  return { ...period, ...(await summariseCallPeriod(db, period)) }
}
