import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { spawnOtklik } from '../../../test/spawn-otklik.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// `otklik wave build` keeps its contract and takes a pilot's sample or branches (issue 7, item 5).
const files = makeTempDir('otklik-wave-cli-')
afterAll(() => files.remove())

const env = { OTKLIK_DATA_DIR: join(files.dir, 'bank'), DATABASE_URL: '' }
const otklik = (args: string[]) => runOtklikInProcess({ env, args })
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!)

describe('otklik wave build', () => {
  it('builds a pilot on a sample of N, and refuses an unknown branch naming it', async () => {
    expect((await otklik(['demo', '--clients', '60', '--json'])).status).toBe(0)
    const rule = files.write('rule.json', JSON.stringify({ field: 'status', op: 'eq', value: 'active' }))
    // One real process proves the executable's contract (exit code, JSON as the last line).
    const built = spawnOtklik({ env, args: ['wave', 'build', '--program', 'SAMPLE', '--rule', rule, '--channel', 'letter', '--sample', '5', '--json'] })
    expect(built.status, built.stderr).toBe(0)
    const json = lastJson(built.stdout)
    expect(json.target + json.control).toBe(5)
    expect(json.eligible).toBeGreaterThanOrEqual(5)
    const refused = await otklik(['wave', 'build', '--program', 'SAMPLE', '--rule', rule, '--channel', 'letter', '--branches', 'NO_SUCH', '--json'])
    expect(refused.status).toBe(2)
    expect(refused.stdout + refused.stderr).toContain('NO_SUCH')
  }, 600_000)
})
