import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// `npm start` on an address others can reach, with the demo bank's published passwords: refused,
// naming the users, until `otklik user password` has given each a new one.
const ROOT = join(import.meta.dirname, '../../..')
const files = makeTempDir('otklik-user-cli-')
afterAll(() => files.remove())

function otklik(args: string[], options: { host?: string; input?: string } = {}) {
  const env = { ...process.env, OTKLIK_DATA_DIR: join(files.dir, 'bank'), DATABASE_URL: '', LOG_LEVEL: 'warn', PORT: '0', HOST: options.host ?? '' }
  return spawnSync(process.execPath, [join(ROOT, 'bin/otklik.js'), ...args], { cwd: ROOT, env, encoding: 'utf8', input: options.input ?? '', timeout: 180_000 })
}

describe('demo passwords and a public HOST', () => {
  it('refuses to start, names the users, and starts refusing fewer as passwords change', async () => {
    // Loading the bank is no part of the contract: in this process, without a child's start-up.
    expect((await runOtklikInProcess({ env: { OTKLIK_DATA_DIR: join(files.dir, 'bank'), DATABASE_URL: '' }, args: ['demo', '--clients', '20', '--json'] })).status).toBe(0)
    const refused = otklik(['start', '--no-demo'], { host: '0.0.0.0' })
    expect(refused.status, refused.stderr).toBe(1)
    expect(refused.stderr).toMatch(/Refusing to listen on 0\.0\.0\.0/)
    expect(refused.stderr).toMatch(/\badmin\b.*\bhead\b/)
    expect(refused.stderr).toContain('npx otklik user password <login>')

    const changed = otklik(['user', 'password', 'head', '--json'], { input: 'a new secret for head\n' })
    expect(changed.status, changed.stderr).toBe(0)
    expect(JSON.parse(changed.stdout.trim())).toEqual({ login: 'head', passwordChanged: true })
    const fewer = otklik(['start', '--no-demo'], { host: '0.0.0.0' })
    expect(fewer.status).toBe(1)
    expect(fewer.stderr).not.toMatch(/[:,] head\b/)
    expect(fewer.stderr).toMatch(/\badmin\b/)

    const short = otklik(['user', 'password', 'admin', '--lang', 'ru'], { input: 'short\n' })
    expect(short.status).toBe(2)
    expect(short.stderr).toContain('не короче 8')
  }, 400_000)
})
