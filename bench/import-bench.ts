import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { from as copyFrom } from 'pg-copy-streams'
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { migrate } from '../src/db/migrate.ts'
import { openDatabase, type Database } from '../src/db/open-database.ts'
import type { ImportChildReport } from './import-bench-child.ts'
import { createScratchDatabase } from './create-scratch-database.ts'
import { BENCH_CLIENT_COLUMNS, writeBenchClients } from './write-bench-clients.ts'

// `npm run bench -- import --clients 1000000 [--json]`: writes a client CSV, imports it through
// Otklik (full validation, staging, one-transaction apply) and loads the same file with plain
// PostgreSQL COPY into a table with the same columns and indexes as clients, in one transaction,
// on the server in DATABASE_URL (in a scratch database created for the run and dropped after).
// Prints rows/s of each, their ratio and the import's peak memory.

const BASELINE_TABLE = 'bench_copy_clients'
const ROOT = fileURLToPath(new URL('..', import.meta.url))

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { clients: { type: 'string', default: '1000000' }, json: { type: 'boolean', default: false } } })
  const n = Number(values.clients)
  if (!Number.isInteger(n) || n < 1) throw new Error('--clients must be a whole number from 1')
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('set DATABASE_URL to the PostgreSQL server to benchmark on')
  const log = (text: string) => process.stderr.write(`${text}\n`)

  const dir = await mkdtemp(join(tmpdir(), 'otklik-bench-'))
  const scratch = await createScratchDatabase(url)
  const db = await openDatabase({ url: scratch.url, dataDir: '' })
  try {
    await migrate(db)
    const file = join(dir, 'clients.csv')
    log(`writing ${n.toLocaleString('en')} clients…`)
    const bytes = await writeBenchClients(file, n)

    log('PostgreSQL COPY…')
    const copySeconds = await copyBaseline(db, file)
    log(`  ${copySeconds.toFixed(2)} s`)

    log('Otklik import…')
    const { seconds: importSeconds, outcome, maxRssBytes: peakRss } = await importInChild(scratch.url, file)
    log(`  ${importSeconds.toFixed(2)} s`)
    if (outcome.status !== 'done' || outcome.loaded !== n) throw new Error(`the import did not load every row: ${JSON.stringify(outcome)}`)

    const result = {
      clients: n,
      file_mb: round(bytes / 1024 ** 2, 1),
      seconds: round(importSeconds, 2),
      copy_seconds: round(copySeconds, 2),
      rows_per_s: Math.round(n / importSeconds),
      copy_rows_per_s: Math.round(n / copySeconds),
      ratio: round(copySeconds / importSeconds, 3),
      peak_rss_mb: round(peakRss / 1024 ** 2, 1),
      loaded: outcome.loaded,
      rejected: outcome.rejected,
    }
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else {
      process.stdout.write(
        `Otklik import: ${result.rows_per_s.toLocaleString('en')} rows/s (${result.seconds} s, peak RSS ${result.peak_rss_mb} MB)\n` +
          `PostgreSQL COPY: ${result.copy_rows_per_s.toLocaleString('en')} rows/s (${result.copy_seconds} s)\n` +
          `ratio: ${result.ratio}\n`,
      )
    }
  } finally {
    await db.close()
    await scratch.drop()
    await rm(dir, { recursive: true, force: true })
  }
}

/** COPY of the same file into a copy of clients (same columns, defaults, checks and indexes), in one transaction. */
async function copyBaseline(db: Database, file: string): Promise<number> {
  await sql`DROP TABLE IF EXISTS ${sql.id(BASELINE_TABLE)}`.execute(db.kysely)
  await sql`CREATE TABLE ${sql.id(BASELINE_TABLE)} (LIKE clients INCLUDING ALL)`.execute(db.kysely)
  const client = await db.pool.connect()
  try {
    const started = performance.now()
    await client.query('BEGIN')
    await pipeline(
      createReadStream(file),
      client.query(copyFrom(`COPY ${BASELINE_TABLE} (${BENCH_CLIENT_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    )
    await client.query('COMMIT')
    return (performance.now() - started) / 1000
  } finally {
    client.release()
  }
}

/** Runs the import the way the CLI does, in a fresh process, so that its peak memory is its own. */
async function importInChild(url: string, file: string): Promise<ImportChildReport> {
  const child = fork(fileURLToPath(new URL('./import-bench-child.ts', import.meta.url)), [url, file], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  let report: ImportChildReport | undefined
  child.on('message', (message) => (report = message as ImportChildReport))
  const [code] = await once(child, 'exit')
  if (!report) throw new Error(`the import process exited with ${code} without a report`)
  return report
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits))
}
