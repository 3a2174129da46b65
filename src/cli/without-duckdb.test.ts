import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../test/temp-files.ts'

// DuckDB is optional: the CLI runs with @duckdb/node-api failing to load, as it does when its
// native binary is missing (test/without-duckdb.mjs makes every import of it throw).
const ROOT = join(import.meta.dirname, '../..')
const files = makeTempDir('otklik-no-duckdb-')
afterAll(() => files.remove())

function otklikWithoutDuckdb(...args: string[]) {
  return spawnSync(process.execPath, ['--import', join(ROOT, 'test/without-duckdb.mjs'), join(ROOT, 'bin/otklik.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, OTKLIK_DATA_DIR: join(files.dir, 'bank'), DATABASE_URL: '', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 180_000,
  })
}

describe('the CLI without DuckDB', () => {
  it('prints --help without loading DuckDB', () => {
    const run = otklikWithoutDuckdb('--help')
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('  otklik selection count  — ')
    expect(run.stderr).toBe('')
  })

  it('counts on PostgreSQL when the DuckDB engine is asked for, with one log line', () => {
    const rule = files.write('rule.json', JSON.stringify({ field: 'age', op: 'gte', value: 18 }))
    const run = otklikWithoutDuckdb('selection', 'count', '--rule', rule, '--engine', 'duckdb', '--json')
    expect(run.status, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout.trim())).toEqual({ count: 0, engine: 'postgres' })
    const warnings = run.stderr.trim().split('\n').filter((line) => line.includes('DuckDB is not available'))
    expect(warnings).toHaveLength(1)
  })
})
