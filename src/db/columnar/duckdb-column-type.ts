// PostgreSQL column types of the profile and the DuckDB types that hold the same values exactly.
// A closed list: a new profile column of another type must be mapped here on purpose (real would
// compare in single precision, numeric has no exact DuckDB twin beyond 38 digits).
const DUCKDB_TYPES: Readonly<Record<string, string>> = {
  bigint: 'BIGINT',
  integer: 'INTEGER',
  smallint: 'SMALLINT',
  'double precision': 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  text: 'VARCHAR',
}

export function duckdbColumnType(column: { name: string; type: string }): string {
  const type = DUCKDB_TYPES[column.type]
  if (!type) throw new Error(`client_profile.${column.name}: no DuckDB type for PostgreSQL ${column.type}`)
  return type
}
