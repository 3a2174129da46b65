import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { spawnOtklik } from '../../../test/spawn-otklik.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// The CLI as a user runs it over a fresh embedded database in a temporary directory.
const files = makeTempDir('otklik-demo-cli-')
afterAll(() => files.remove())

const otklik = (dataDir: string, ...args: string[]) => runOtklikInProcess({ env: { OTKLIK_DATA_DIR: join(files.dir, dataDir), DATABASE_URL: '' }, args })

describe('otklik demo', () => {
  it('creates the database, loads the demo bank and prints its counts as one line of JSON; refuses a second load', async () => {
    // One real process proves the executable's contract (exit code, one line of JSON); the rest run in-process.
    const run = spawnOtklik({ env: { OTKLIK_DATA_DIR: join(files.dir, 'bank'), DATABASE_URL: '' }, args: ['demo', '--clients', '500', '--seed', '7', '--json'] })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    const counts = run.json()
    // Its eight regions are federal subjects, there already in every new database (migration 0006).
    expect(counts).toMatchObject({ regions: 0, branches: 30, products: 13, clients: 500 })
    expect(counts.users).toBeGreaterThanOrEqual(18)
    for (const table of ['holdings', 'activity', 'consents']) expect(counts[table]).toBeGreaterThan(500)

    const again = await otklik('bank', 'demo', '--clients', '500', '--json')
    expect(again.status).toBe(1)
    expect(again.stdout).toBe('')
    expect(again.stderr).toContain('already has 500 clients')
  }, 240_000)

  it('trains the churn model on the demo bank: otklik churn train --json gives its held-out AUC and both parts\' sizes', async () => {
    // The contract of issue 10: {"auc", "n_train", "n_test"} on the bank's own data (the demo bank above).
    const run = await otklik('bank', 'churn', 'train', '--json')
    expect(run.status, run.stderr).toBe(0)
    const result = run.json()
    expect(result).toMatchObject({ horizon_months: 3, version: 2 })
    expect(result.auc).toBeGreaterThan(0.6)
    expect(result.auc).toBeLessThanOrEqual(1)
    expect(result.n_train).toBeGreaterThan(300)
    expect(result.n_test).toBeGreaterThan(result.n_train * 0.9)
    expect(result.scored).toBeGreaterThan(300)
  }, 120_000)

  it.each([
    [['--clients', 'abc'], '--clients'],
    [['--clients', '1e3'], '--clients'],
    [['--clients', '10', '--seed', '-1'], '--seed'],
  ])('exits 2 naming the option for %j', async (args, option) => {
    const run = await otklik('never', 'demo', ...args, '--json')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(option)
    expect(run.stdout).toBe('')
  }, 60_000)
})
