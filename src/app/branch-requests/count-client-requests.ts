import type { Kysely } from 'kysely'
import type { ClientRequestCountQuery, ClientRequestCounts } from '../../contract/client-request-schemas.ts'
import { monthsBetween, requestCountSeries } from '../../core/branch-requests/request-count-series.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { countClientRequestsByMonth, firstRequestMonth } from '../../db/stores/client-request-store.ts'
import { bankToday } from '../bank/bank-today.ts'

/** A chart reads at most ten years of months. */
const MAX_MONTHS = 120

/**
 * How many special requests were heard per bank month, by the client's segment, the branch or the
 * category: from `from` (else the first request) to `to` (else today). Counts only, no clients.
 */
export async function countClientRequests(db: Kysely<Schema>, query: ClientRequestCountQuery & { now: Date }): Promise<ClientRequestCounts> {
  const { by, branch, now, ...filters } = query
  const timeZone = await readBankTimeZone(db)
  const filter = { ...filters, branchId: branch, scope: { kind: 'bank' } as const, timeZone }
  const lastMonth = (query.to ?? (await bankToday(db, now))).slice(0, 7)
  const firstMonth = query.from?.slice(0, 7) ?? (await firstRequestMonth(db, filter)) ?? lastMonth
  const months = monthsBetween(firstMonth, lastMonth).slice(-MAX_MONTHS)
  const series = requestCountSeries(await countClientRequestsByMonth(db, { ...filter, by }), months)
  return { by, months, series, total: series.reduce((sum, s) => sum + s.total, 0) }
}
