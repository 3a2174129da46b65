// Module hooks for without-duckdb.mjs: resolving DuckDB throws what a missing binary throws.
export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('@duckdb/')) {
    throw new Error(`Cannot find module '@duckdb/node-bindings-linux-x64/duckdb.node' (blocked by test/without-duckdb.mjs)`)
  }
  return nextResolve(specifier, context)
}
