/** DuckDB's module. Its native binary is optional, so it is imported only where a mirror opens. */
export type DuckDB = typeof import('@duckdb/node-api')

export function loadDuckdb(): Promise<DuckDB> {
  return import('@duckdb/node-api')
}
