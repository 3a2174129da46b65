import type { ColumnType, Generated as KyselyGenerated } from 'kysely'
import type { ProfileRow } from '../core/selection/profile-row.ts'

// Kysely's view of the tables created by the migrations. bigint and numeric come back as numbers
// (see open-database.ts: ids and money stay well inside 2^53); dates come back as ISO strings.
type Timestamp = ColumnType<Date, Date | string, Date | string>
type DateOnly = ColumnType<string, string, string>
type Numeric = ColumnType<number, string | number, string | number>
// Kysely's Generated<ColumnType<…>> would select the ColumnType itself, not the Date: unwrap it.
type Generated<T> = T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S, I | undefined, U> : KyselyGenerated<T>

export type RegionTable = { code: string; name: string; utc_offset: Generated<number> }

export type BranchTable = {
  id: Generated<number>
  code: string
  name: string
  region_code: string
  city: string | null
  address: string | null
}

export type UserTable = {
  id: Generated<number>
  login: string
  full_name: string
  role: string
  branch_id: number | null
  password_hash: string
  active: Generated<boolean>
  created_at: Generated<Timestamp>
}

export type SessionTable = { token_hash: string; user_id: number; created_at: Timestamp; expires_at: Timestamp }

export type LoginFailureTable = { login: string; failed_at: Timestamp; address: string | null }

export type ProductTable = {
  code: string
  type: string
  name: string
  ftp_rate: Numeric | null
  client_rate: Numeric | null
  fee_rate: Numeric | null
  probability_of_default: Numeric | null
  loss_given_default: Numeric | null
  lifetime_months: number | null
  active: Generated<boolean>
  profile_bit: number | null
}

export type ClientTable = {
  id: Generated<number>
  bank_id: string
  full_name: string
  birth_date: DateOnly | null
  gender: 'M' | 'F' | null
  phone: string | null
  email: string | null
  address: string | null
  region_code: string | null
  branch_id: number | null
  client_since: DateOnly | null
  monthly_income: Numeric | null
  segment: Generated<string>
  vip: Generated<boolean>
  personal_manager_id: number | null
  status: Generated<string>
  status_date: DateOnly | null
  status_reason: string | null
  do_not_contact: Generated<boolean>
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export type HoldingTable = {
  client_id: number
  id: Generated<number>
  account_no: string
  product_code: string
  opened_at: DateOnly
  closed_at: DateOnly | null
  balance: Numeric
  credit_limit: Numeric | null
}

export type ActivityTable = {
  client_id: number
  month: DateOnly
  turnover: Numeric
  transactions: number
  card_spend: Numeric
  mobile_logins: number
  branch_visits: number
}

export type ConsentTable = {
  client_id: number
  id: Generated<number>
  channel: string
  granted: boolean
  effective_at: Timestamp
  source: string | null
  recorded_at: Generated<Timestamp>
}

export type NoteTable = {
  client_id: number
  id: Generated<number>
  author_id: number | null
  kind: Generated<string>
  body: string
  created_at: Generated<Timestamp>
}

export type AuditEventTable = {
  id: Generated<number>
  at: Generated<Timestamp>
  user_id: number | null
  login: string | null
  action: string
  entity: string | null
  entity_id: string | null
  details: ColumnType<unknown, string, never>
}

export type ImportTable = {
  id: Generated<number>
  kind: string
  file_name: string
  user_id: number | null
  login: string | null
  dry_run: Generated<boolean>
  status: Generated<string>
  rows_read: Generated<number>
  loaded: Generated<number>
  rejected: Generated<number>
  error: string | null
  started_at: Generated<Timestamp>
  finished_at: Timestamp | null
  encoding: string | null
  delimiter: string | null
  bytes_read: Generated<number>
  bytes_total: number | null
  /** Per source file: its header and counts (see migration 0002). */
  files: ColumnType<Record<string, ImportFileDetails>, string | undefined, string>
  /** The process running the import and its last sign of life (migration 0006). */
  owner: string | null
  heartbeat_at: Timestamp | null
  apply_details: ColumnType<ImportApplyDetails | null, string | null | undefined, string | null>
  likely_duplicates: ColumnType<ImportLikelyDuplicates | null, string | null | undefined, string | null>
}

/** How an import's apply went: applies are serialised by one lock; rows another import created meanwhile are updated. */
export type ImportApplyDetails = { serialised: true; waitedMs: number; updatedInstead: number }

/** A row that looks like another client: the same name, birth date and phone under another bank id. */
export type ImportLikelyDuplicate = { line: number; bankId: string; sameAs: { line: number } | { bankId: string } }
export type ImportLikelyDuplicates = { count: number; items: ImportLikelyDuplicate[] }

export type ImportFileDetails = { headers: string[]; loaded: number; rejected: number }

export type ImportRejectionTable = {
  id: Generated<number>
  import_id: number
  file: string | null
  line: number
  reason: string
  cells: ColumnType<unknown, string | null, never>
}

type Json = ColumnType<unknown, string, string>

export type BankSettingTable = { key: string; value: Json; updated_at: Generated<Timestamp> }

export type ProgramTable = {
  id: Generated<number>
  code: string
  name: string
  status: Generated<string>
  seed: string
  control_share: Generated<Numeric>
  include_holdout: Generated<boolean>
  policy_overrides: Generated<Json>
  created_at: Generated<Timestamp>
}

export type SelectionTable = {
  id: Generated<number>
  name: string
  description: string | null
  rule: Json
  version: Generated<number>
  created_by: number | null
  created_at: Generated<Timestamp>
  updated_at: Generated<Timestamp>
}

export type ContactPolicyTable = { version: Generated<number>; rules: Json; created_by: number | null; created_at: Generated<Timestamp> }

export type WaveTable = {
  id: Generated<number>
  program_id: number
  kind: Generated<string>
  channel: string
  selection_id: number | null
  selection_version: number | null
  rule: Json
  policy_version: number
  policy: Json
  seed: string
  control_share: Numeric
  include_holdout: boolean
  stratify_by: string | null
  as_of: DateOnly
  target_count: Generated<number>
  control_count: Generated<number>
  funnel: Generated<Json>
  built_by: number | null
  built_at: Generated<Timestamp>
}

export type WaveMemberTable = { client_id: number; wave_id: number; group: 'target' | 'control' }

export type ContactTable = {
  client_id: number
  id: Generated<number>
  program_id: number | null
  wave_id: number | null
  channel: string
  sent_at: Timestamp
  status: Generated<string>
  idempotency_key: string | null
}

export type ResponseTable = {
  client_id: number
  id: Generated<number>
  program_id: number | null
  wave_id: number | null
  responded_at: Timestamp
  kind: Generated<string>
}

export type ComplaintTable = {
  client_id: number
  id: Generated<number>
  received_at: Timestamp
  status: Generated<string>
  closed_at: Timestamp | null
}

export type Schema = {
  regions: RegionTable
  branches: BranchTable
  users: UserTable
  sessions: SessionTable
  login_failures: LoginFailureTable
  products: ProductTable
  clients: ClientTable
  holdings: HoldingTable
  activity: ActivityTable
  consents: ConsentTable
  notes: NoteTable
  audit_events: AuditEventTable
  imports: ImportTable
  import_rejections: ImportRejectionTable
  bank_settings: BankSettingTable
  programs: ProgramTable
  selections: SelectionTable
  contact_policies: ContactPolicyTable
  waves: WaveTable
  wave_members: WaveMemberTable
  contacts: ContactTable
  responses: ResponseTable
  complaints: ComplaintTable
  client_profile: ClientProfileTable
  profile_state: ProfileStateTable
  profile_dirty_clients: { client_id: number }
}

// The profile's columns are the domain's ProfileRow (core/selection/profile-row.ts), one definition.
// profile_version: the refresh batch that wrote the row (the mirror copies the batches it lacks).
export type ClientProfileTable = ProfileRow & { profile_version: Generated<number> }

export type ProfileStateTable = {
  singleton: Generated<boolean>
  as_of: DateOnly
  version: number
  consistent_version: number | null
  clients: Generated<number>
  sweep_from: number | null
  updated_at: Generated<Timestamp>
}
