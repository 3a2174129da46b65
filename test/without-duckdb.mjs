// Preloaded with `node --import ./test/without-duckdb.mjs …`: makes '@duckdb/node-api' fail to
// load the way it does when its native binary is missing, so a test can run the CLI without it.
import { register } from 'node:module'

register('./without-duckdb-hooks.mjs', import.meta.url)
