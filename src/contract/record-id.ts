// Row ids are PostgreSQL `integer`s (serial): an id above this cannot name a row, and sent to the
// database it fails the whole statement. Every id from outside is checked against it first.
export const MAX_RECORD_ID = 2_147_483_647

export function isRecordId(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_RECORD_ID
}
