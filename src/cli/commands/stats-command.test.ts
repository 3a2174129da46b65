import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { offlineOtklikEnv, runOfflineOtklik } from '../../../test/run-offline-otklik.ts'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// The statistics calculators as scripts run them (issue 7's contract). They open no database: the
// data directory is never created and an unreachable DATABASE_URL is never dialled.
const files = makeTempDir('otklik-stats-')
afterAll(() => files.remove())
const DATA_DIR = join(files.dir, 'data')

const otklik = (...args: string[]) => runOtklikInProcess({ env: offlineOtklikEnv(DATA_DIR), args })

describe('otklik stats', () => {
  it('pilot-size prints {"target", "control"}: 8,158 each for 5% → 6%, and 41,855 / 4,651 with a 10% control', async () => {
    // One real process proves the executable's contract (exit code, one line of JSON); the rest run in-process.
    const equal = runOfflineOtklik(DATA_DIR, 'stats', 'pilot-size', '--baseline', '0.05', '--uplift', '0.01', '--alpha', '0.05', '--power', '0.8', '--json')
    expect(equal.status, equal.stderr).toBe(0)
    expect(equal.stdout.trim().split('\n')).toHaveLength(1)
    expect(equal.json()).toEqual({ target: 8158, control: 8158 })
    const split = await otklik('stats', 'pilot-size', '--baseline', '0.05', '--uplift', '0.01', '--alpha', '0.05', '--power', '0.8', '--control-share', '0.1', '--json')
    expect(split.json()).toEqual({ target: 41855, control: 4651 })
    expect(existsSync(DATA_DIR)).toBe(false)
  })

  it('compare prints uplift, relative uplift, Newcombe interval, p and the test: z for Hillstrom, Fisher for small cells or --exact', async () => {
    const hillstrom = await otklik('stats', 'compare', '--target-n', '21307', '--target-x', '3894', '--control-n', '21306', '--control-x', '2262', '--json')
    expect(hillstrom.status, hillstrom.stderr).toBe(0)
    const result = hillstrom.json()
    expect(Object.keys(result)).toEqual(['uplift', 'relative_uplift', 'ci', 'p', 'test'])
    expect(result.uplift.toFixed(5)).toBe('0.07659')
    expect(result.ci.map((v: number) => v.toFixed(5))).toEqual(['0.06995', '0.08323'])
    expect(result.test).toBe('z')
    const tea = await otklik('stats', 'compare', '--target-n', '4', '--target-x', '3', '--control-n', '4', '--control-x', '1', '--json')
    expect(tea.json()).toMatchObject({ uplift: 0.5, relative_uplift: 2, test: 'fisher' })
    expect(tea.json().p).toBeCloseTo(0.4857, 4)
    const exact = await otklik('stats', 'compare', '--target-n', '1000', '--target-x', '30', '--control-n', '1000', '--control-x', '18', '--exact', '--json')
    expect(exact.json().test).toBe('fisher')
    expect(existsSync(DATA_DIR)).toBe(false)
  })

  it.each([
    [['--lang', 'en', 'stats', 'pilot-size', '--baseline', '1.2', '--uplift', '0.01'], /^otklik: baseline must be a rate strictly between 0 and 1; got 1.2\.$/m],
    [['--lang', 'ru', 'stats', 'pilot-size', '--baseline', '0.05', '--uplift', '0.01', '--control-share', '1'], /^otklik: control_share — доля строго между 0 и 1/m],
    [['--lang', 'en', 'stats', 'pilot-size', '--baseline', '0.5', '--uplift', '0.6'], /that uplift cannot be met/],
    [['--lang', 'en', 'stats', 'compare', '--target-n', '10', '--target-x', '11', '--control-n', '10', '--control-x', '1'], /target_x is 11, more than the group's 10 members/],
    [['--lang', 'ru', 'stats', 'compare', '--target-n', 'десять', '--target-x', '1', '--control-n', '10', '--control-x', '1'], /target_n должно быть числом, а не «десять»/],
    [['stats', 'compare', '--target-n', '10'], /required option/],
  ])('exits 2 on bad input, naming the field: %j', async (args, message) => {
    const run = await otklik(...args)
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(message)
  })

  it('detectable-uplift inverts pilot-size', async () => {
    const run = await otklik('stats', 'detectable-uplift', '--baseline', '0.05', '--target-n', '41855', '--control-n', '4651', '--json')
    expect(run.status, run.stderr).toBe(0)
    expect(run.json().uplift).toBeCloseTo(0.0099995, 6)
  })
})
