import type { ColumnType, Generated } from 'kysely'
import type { BusinessOutcome, CallTaskStatus, TechnicalOutcome } from '../contract/call-outcomes.ts'

// Kysely's view of the call centre's tables (migration 0023), joined into Schema in schema.ts.
type Timestamp = ColumnType<Date, Date | string, Date | string>
type Json = ColumnType<unknown, string, string>

export type CallPolicyTable = { program_id: number; policy: Json; updated_by: number | null; updated_at: Generated<Date> }

export type CallTaskTable = {
  client_id: number
  wave_id: number
  program_id: number
  priority: Generated<number>
  operator_id: number | null
  status: ColumnType<CallTaskStatus, CallTaskStatus | undefined, CallTaskStatus>
  attempts: Generated<number>
  next_attempt_at: Timestamp
  reserved_for: number | null
  claimed_by: number | null
  claimed_at: Timestamp | null
  last_technical: TechnicalOutcome | null
  last_business: BusinessOutcome | null
  close_reason: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type CallAttemptTable = {
  client_id: number
  id: Generated<number>
  wave_id: number
  operator_id: number | null
  operator_login: string
  technical: TechnicalOutcome
  business: BusinessOutcome | null
  started_at: Timestamp
  ended_at: Timestamp
  handle_seconds: number
  note: string | null
  source: ColumnType<'workspace' | 'import', 'workspace' | 'import' | undefined, never>
}

export type CallbackTable = {
  client_id: number
  id: Generated<number>
  wave_id: number
  due_at: Timestamp
  only_me: boolean
  operator_id: number | null
  status: ColumnType<'pending' | 'done' | 'cancelled', 'pending' | 'done' | 'cancelled' | undefined, 'pending' | 'done' | 'cancelled'>
  created_at: Generated<Date>
}

export type ProgramDoNotCallTable = { client_id: number; program_id: number; recorded_by: number | null; recorded_at: Generated<Date>; source: string }

export type CallCentreSchema = {
  call_policies: CallPolicyTable
  call_tasks: CallTaskTable
  call_attempts: CallAttemptTable
  callbacks: CallbackTable
  program_do_not_call: ProgramDoNotCallTable
}
