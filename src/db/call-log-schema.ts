import type { ColumnType, Generated } from 'kysely'
import type { CallDirection, CallLogOutcome } from '../contract/call-log.ts'

// Kysely's view of the call log (migration 0033), joined into Schema in schema.ts.
type Timestamp = ColumnType<Date, Date | string, Date | string>

export type CallTable = {
  client_id: number
  id: Generated<number>
  started_at: Timestamp
  direction: ColumnType<CallDirection, CallDirection | undefined, CallDirection>
  phone: string
  reason: string
  duration_seconds: number
  outcome: CallLogOutcome
  operator: string | null
  import_id: number | null
  loaded_at: Generated<Date>
}

export type CallLogSchema = { calls: CallTable }
