import { isOpenComplaintStatus, type ComplaintStatus } from '../../contract/complaint-statuses.ts'

/**
 * A complaint still open (the bank has not answered) on a bank day after its due date. The due day
 * itself is not overdue: the answer may go out until the day ends. Its SQL twin:
 * complaint-overdue-sql.ts, held equal by complaint-overdue-sql.db.test.ts.
 */
export function isComplaintOverdue(complaint: { status: ComplaintStatus; slaDueOn: string | null }, today: string): boolean {
  return isOpenComplaintStatus(complaint.status) && complaint.slaDueOn !== null && complaint.slaDueOn < today
}
