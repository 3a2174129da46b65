// How a cell is read. References (branch, region, product, manager) are resolved against the
// catalogues passed in (ImportReferences); everything else is pure text rules.
export const CELL_TYPES = [
  'key',
  'text',
  'date',
  'month',
  'timestamp',
  'money',
  'count',
  'boolean',
  'grant',
  'phone',
  'email',
  'gender',
  'segment',
  'client_status',
  'channel',
  'response_type',
  'branch',
  'region',
  'product',
  'manager',
  'utc_offset',
  'duration',
  'call_reason',
  'call_outcome',
  'call_direction',
] as const
export type CellType = (typeof CELL_TYPES)[number]

export type ImportField = {
  /** The name used in mappings and the API: `{"bank_id": "ИД клиента"}`. */
  name: string
  /** The staging (and target) column the value goes to. */
  column: string
  type: CellType
  /** The column must be mapped and no cell of it may be blank. */
  required: boolean
  /** A blank cell is refused only when the row creates a new record (else it keeps the stored value). */
  requiredForNew?: boolean
  /** A date that has happened (birth, opening, a consent): one after the import's day is refused. */
  notFuture?: boolean
  /** A time without an offset is on the bank's clock (its time zone, bank settings), not UTC. */
  bankClock?: boolean
  maxLength?: number
  description: string
  /** Header names that suggest this field, English and Russian (compared after normalizeHeader). */
  headers: readonly string[]
}
