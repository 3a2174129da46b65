import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { sql } from 'kysely'
import { countSelection } from '../src/app/selection/count-selection.ts'
import { listSelectionMembers } from '../src/app/selection/list-selection-members.ts'
import { refreshProfile } from '../src/app/selection/refresh-profile.ts'
import { duckdbColumnType } from '../src/db/columnar/duckdb-column-type.ts'
import { openProfileMirror, type ProfileMirror } from '../src/db/columnar/open-profile-mirror.ts'
import { migrate } from '../src/db/migrate.ts'
import { openDatabase, type Database } from '../src/db/open-database.ts'
import { listProfileColumns, loadProductBits } from '../src/db/stores/profile-store.ts'
import { BENCH_TODAY, STANDARD_SELECTIONS, type StandardSelection } from './standard-selections.ts'
import { ensureDemoBank } from './ensure-demo-bank.ts'
import { timeInterleaved } from './time-interleaved.ts'

// `npm run bench -- selection --clients 1000000 [--runs 11] [--threads 2] [--keep-profile] [--json]`
//
// On the PostgreSQL server in DATABASE_URL: generates the demo bank (or reuses it when the database
// already has exactly that many clients), refreshes the selection profile, and asks the five
// standard selections (bench/standard-selections.ts) of
//   - Otklik: the live count (countSelection, answered by its DuckDB mirror of the profile) and
//     the full member list (listSelectionMembers, on PostgreSQL);
//   - hand-written SQL on the same PostgreSQL server: count and list;
//   - DuckDB: a separate instance whose own table is loaded, before timing, from a CSV export of
//     the same profile; hand-written count.
// Every timing is the median of --runs runs after one cold run, the engines taking turns run by
// run; nothing is cached between runs. The answers must agree across engines, or the bench fails. A table goes to stderr;
// with --json one line of JSON is the last line on stdout. Ratios are geometric means over the
// five selections of Otklik's time divided by the baseline's.

type SelectionResult = {
  name: string
  count: number
  count_ms: number
  cold_count_ms: number
  list_ms: number
  sql_count_ms: number
  sql_list_ms: number
  duckdb_count_ms: number
  /** Otklik's count without the mirror: what answers while the mirror loads. */
  postgres_count_ms: number
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      clients: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '11' },
      threads: { type: 'string', default: String(availableParallelism()) },
      'keep-profile': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  })
  const url = process.env.DATABASE_URL
  if (!url) {
    process.stderr.write('bench selection: set DATABASE_URL to the PostgreSQL server to benchmark on, e.g.\n' +
      '  createdb -h 127.0.0.1 -U postgres otklik_bench\n' +
      '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/otklik_bench npm run bench -- selection --clients 100000\n')
    process.exitCode = 2
    return
  }
  const clients = wholeNumber(values.clients, '--clients')
  const runs = wholeNumber(values.runs, '--runs')
  const threads = wholeNumber(values.threads, '--threads')
  const dir = await mkdtemp(join(tmpdir(), 'otklik-selection-bench-'))
  const db = await openDatabase({ url, dataDir: '' })
  let mirror: ProfileMirror | undefined
  let baseline: DuckDBInstance | undefined
  try {
    await migrate(db)
    await ensureDemoBank(db, clients)
    const refreshMs = values['keep-profile'] ? null : await timed(() => refreshProfile(db, BENCH_TODAY))
    const bits = await loadProductBits(db.kysely)

    log(`loading Otklik's DuckDB mirror of the profile (${threads} threads)…`)
    mirror = await openProfileMirror({ db, threads, workDir: dir })
    const mirrorLoadMs = await timed(() => mirror!.sync())
    log(`loading the baseline DuckDB from a CSV export of the profile…`)
    baseline = await DuckDBInstance.create(':memory:', { threads: String(threads) })
    const duck = await baseline.connect()
    const baselineLoadMs = await timed(() => loadBaseline(db, duck, join(dir, 'client_profile.csv')))

    const results: SelectionResult[] = []
    for (const selection of STANDARD_SELECTIONS) {
      results.push(await benchSelection({ db, mirror, duck, selection, bits, runs }))
    }
    const summary = {
      clients,
      today: BENCH_TODAY,
      runs,
      duckdb_threads: threads,
      postgres_parallel_workers: await parallelWorkers(db),
      profile_refresh_ms: refreshMs,
      mirror_load_ms: mirrorLoadMs,
      baseline_load_ms: baselineLoadMs,
      cold_count_ms: results[0].cold_count_ms,
      selections: results,
      count_ratio_vs_duckdb: geometricMean(results.map((r) => r.count_ms / r.duckdb_count_ms)),
      list_ratio_vs_sql: geometricMean(results.map((r) => r.list_ms / r.sql_list_ms)),
    }
    printTable(summary)
    if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`)
  } finally {
    await mirror?.close()
    baseline?.closeSync()
    await db.close()
    await rm(dir, { recursive: true, force: true })
  }
}

type BenchSelectionInput = {
  db: Database
  mirror: ProfileMirror
  duck: DuckDBConnection
  selection: StandardSelection
  bits: ReadonlyMap<string, number>
  runs: number
}

async function benchSelection({ db, mirror, duck, selection, bits, runs }: BenchSelectionInput): Promise<SelectionResult> {
  const input = { rule: selection.rule, today: BENCH_TODAY }
  const where = selection.where(bits)
  const countSql = `SELECT count(*) AS n FROM client_profile WHERE ${where}`
  const listSql = `SELECT client_id FROM client_profile WHERE ${where} ORDER BY client_id`
  log(`${selection.name}: ${selection.question}`)

  // Counts take turns with counts and lists with lists: a list's garbage must not land on a count.
  const { count, duckdbCount, sqlCount, postgresCount } = await timeInterleaved(runs, {
    count: async () => {
      const result = await countSelection({ db: db.kysely, mirror }, input)
      if (result.engine !== 'duckdb') throw new Error(`${selection.name}: the count was not answered by the mirror`)
      return result.count
    },
    duckdbCount: async () => Number((await duck.runAndReadAll(countSql)).getRows()[0][0]),
    sqlCount: async () => Number((await db.pool.query<{ n: string }>(countSql)).rows[0].n),
    postgresCount: async () => (await countSelection({ db: db.kysely }, input)).count,
  })
  const { list, sqlList } = await timeInterleaved(runs, {
    list: () => listSelectionMembers(db.kysely, input),
    sqlList: async () => (await db.pool.query<{ client_id: number }>(listSql)).rows.map((r) => r.client_id),
  })

  const counts = { otklik: count.result, duckdb: duckdbCount.result, sql: sqlCount.result, otklik_postgres: postgresCount.result, list: list.result.length }
  if (new Set(Object.values(counts)).size !== 1) throw new Error(`${selection.name}: the engines disagree: ${JSON.stringify(counts)}`)
  if (list.result.some((id, i) => id !== sqlList.result[i])) throw new Error(`${selection.name}: Otklik's member list differs from the SQL list`)
  const { engine: _mirror, ...onMirror } = await countSelection({ db: db.kysely, mirror }, input)
  const { engine: _postgres, ...onPostgres } = await countSelection({ db: db.kysely }, input)
  if (JSON.stringify(onMirror) !== JSON.stringify(onPostgres)) throw new Error(`${selection.name}: the mirror's breakdown differs from PostgreSQL's`)

  return {
    name: selection.name,
    count: count.result,
    count_ms: count.ms,
    cold_count_ms: count.coldMs,
    list_ms: list.ms,
    sql_count_ms: sqlCount.ms,
    sql_list_ms: sqlList.ms,
    duckdb_count_ms: duckdbCount.ms,
    postgres_count_ms: postgresCount.ms,
  }
}

/** The demo bank with exactly `clients` clients: generated into an empty database, or reused. */
/** Exports the profile to CSV and loads it into the baseline DuckDB's own table, types as in PostgreSQL. */
async function loadBaseline(db: Database, duck: DuckDBConnection, file: string): Promise<void> {
  const columns = await listProfileColumns(db.kysely)
  await db.copyOut({ query: `SELECT ${columns.map((c) => c.name).join(', ')} FROM client_profile`, into: createWriteStream(file) })
  await duck.run(`CREATE TABLE client_profile (${columns.map((c) => `${c.name} ${duckdbColumnType(c)}`).join(', ')})`)
  const types = columns.map((c) => `'${c.name}': '${duckdbColumnType(c)}'`).join(', ')
  await duck.run(`INSERT INTO client_profile SELECT * FROM read_csv('${file}', header = false, auto_detect = false,
    allow_quoted_nulls = false, columns = {${types}})`)
}

async function parallelWorkers(db: Database): Promise<number> {
  const result = await sql<{ max_parallel_workers_per_gather: string }>`SHOW max_parallel_workers_per_gather`.execute(db.kysely)
  return Number(result.rows[0].max_parallel_workers_per_gather)
}

function printTable(summary: { selections: SelectionResult[]; count_ratio_vs_duckdb: number; list_ratio_vs_sql: number; clients: number }): void {
  const ms = (v: number) => v.toFixed(1).padStart(8)
  log(`\n${summary.clients.toLocaleString('en')} clients; warm medians in ms (cold = Otklik's first count)`)
  log(`${'selection'.padEnd(24)}${'count'.padStart(9)}${'otklik'.padStart(9)}${'cold'.padStart(9)}${'duckdb'.padStart(9)}` +
    `${'pg-path'.padStart(9)}${'sql cnt'.padStart(9)}${'list'.padStart(9)}${'sql list'.padStart(9)}`)
  for (const r of summary.selections) {
    log(`${r.name.padEnd(24)}${String(r.count).padStart(9)} ${ms(r.count_ms)} ${ms(r.cold_count_ms)} ${ms(r.duckdb_count_ms)}` +
      ` ${ms(r.postgres_count_ms)} ${ms(r.sql_count_ms)} ${ms(r.list_ms)} ${ms(r.sql_list_ms)}`)
  }
  log(`count: Otklik / DuckDB = ${summary.count_ratio_vs_duckdb} (aim ≤ 1.0); list: Otklik / SQL = ${summary.list_ratio_vs_sql} (aim ≤ 2.0)`)
}

function geometricMean(values: number[]): number {
  return round(Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length), 3)
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return Math.round(performance.now() - started)
}

function wholeNumber(value: string | undefined, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a whole number from 1`)
  return n
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits))
}

function log(text: string): void {
  process.stderr.write(`${text}\n`)
}
