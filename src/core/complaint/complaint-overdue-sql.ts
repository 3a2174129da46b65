import { sql, type RawBuilder } from 'kysely'
import { OPEN_COMPLAINT_STATUSES } from '../../contract/complaint-statuses.ts'

/** The SQL twin of isComplaintOverdue (is-complaint-overdue.ts) over the complaint row aliased `q`. */
export function complaintOverdueSql(today: string): RawBuilder<boolean> {
  const open = sql.join(OPEN_COMPLAINT_STATUSES.map((status) => sql.lit(status)))
  return sql<boolean>`(q.workflow_status IN (${open}) AND q.sla_due_on IS NOT NULL AND q.sla_due_on < ${today}::date)`
}
