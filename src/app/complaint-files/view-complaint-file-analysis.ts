import { COMPANY_LIMIT, ISSUE_LIMIT, type ComplaintFileAnalysis } from '../../contract/complaint-file-schemas.ts'
import { monthsBetween } from '../../core/branch-requests/request-count-series.ts'
import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import {
  countMarketComplaintsBy,
  countMarketComplaintsByMonth,
  listMarketComplaintFiles,
  marketComplaintTotals,
} from '../../db/stores/market-complaint-analysis-store.ts'

/**
 * What the loaded complaint files say (the "Market complaints" page): counts by product, category,
 * issue, company response, company and month, and the shares of timely responses and of disputed
 * ones among the complaints that answer the question (the older export's N/A and blanks do not).
 */
export async function viewComplaintFileAnalysis(db: Kysely<Schema>): Promise<ComplaintFileAnalysis> {
  const totals = await marketComplaintTotals(db)
  const issues = await countMarketComplaintsBy(db, { column: 'issue' })
  const counted = new Map((await countMarketComplaintsByMonth(db)).map((m) => [m.month, m.count]))
  const months = totals.firstDay && totals.lastDay ? monthsBetween(totals.firstDay.slice(0, 7), totals.lastDay.slice(0, 7)) : []
  return {
    total: totals.total,
    files: await listMarketComplaintFiles(db),
    firstDay: totals.firstDay,
    lastDay: totals.lastDay,
    byProduct: await countMarketComplaintsBy(db, { column: 'product' }),
    byCategory: await countMarketComplaintsBy(db, { column: 'category_code' }),
    byIssue: issues.slice(0, ISSUE_LIMIT),
    otherIssues: issues.slice(ISSUE_LIMIT).reduce((sum, issue) => sum + issue.count, 0),
    byCompanyResponse: await countMarketComplaintsBy(db, { column: 'company_response' }),
    byCompany: await countMarketComplaintsBy(db, { column: 'company', limit: COMPANY_LIMIT }),
    byMonth: months.map((month) => ({ month, count: counted.get(month) ?? 0 })),
    timely: share(totals.timely),
    disputed: share(totals.disputed),
  }
}

function share({ answered, yes }: { answered: number; yes: number }) {
  return { answered, yes, share: answered === 0 ? null : yes / answered }
}
