import type { Kysely } from 'kysely'
import type { ComplaintAnalysis, ComplaintAnalysisGroup, ComplaintAnalysisQuery } from '../../contract/complaint-schemas.ts'
import { REPEAT_COMPLAINT_DAYS } from '../../contract/complaint-statuses.ts'
import { addMonths } from '../../core/selection/calendar.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { countComplaintAnalysis, type AnalysisCounts, type AnalysisDimension } from '../../db/stores/complaint-analysis-store.ts'
import { bankToday } from '../bank/bank-today.ts'

/** Fifteen months, the current one included, unless the reader asks otherwise: a season and its year before. */
const DEFAULT_MONTHS = 15

/**
 * The complaints analysis (GET /api/complaints/analysis): by category, product, branch, channel and
 * month — counts, resolved, median days to resolve, the share resolved within the SLA and the
 * repeat complaints (db/stores/complaint-analysis-store.ts says how each is counted). Months come
 * in order; the other groups largest first. Counts only, no client rows.
 */
export async function analyseComplaints(db: Kysely<Schema>, input: ComplaintAnalysisQuery & { now: Date }): Promise<ComplaintAnalysis> {
  const to = input.to ?? (await bankToday(db, input.now))
  const from = input.from ?? `${addMonths(to, -(DEFAULT_MONTHS - 1)).slice(0, 7)}-01`
  const rows = await countComplaintAnalysis(db, { from, to, timeZone: await readBankTimeZone(db) })
  const of = (dimension: AnalysisDimension) => rows.filter((r) => r.dimension === dimension).map(groupOf)
  const total = rows.find((r) => r.dimension === null)
  return {
    from, to,
    repeatRule: `the same client complains again within ${REPEAT_COMPLAINT_DAYS} days of their previous complaint (any category)`,
    total: total ? groupOf(total) : { key: null, count: 0, resolved: 0, resolvedWithinSlaShare: null, medianDaysToResolve: null, repeats: 0 },
    byCategory: of('category'), byProduct: of('product'), byBranch: of('branch'), byChannel: of('channel'),
    byMonth: of('month').sort((a, b) => (a.key ?? '').localeCompare(b.key ?? '')),
  }
}

function groupOf(row: AnalysisCounts): ComplaintAnalysisGroup {
  return {
    key: row.key,
    count: row.count,
    resolved: row.resolved,
    resolvedWithinSlaShare: row.resolvedWithDue === 0 ? null : row.resolvedWithinSla / row.resolvedWithDue,
    medianDaysToResolve: row.medianDaysToResolve === null ? null : Math.round(row.medianDaysToResolve * 10) / 10,
    repeats: row.repeats,
  }
}
