import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../config.ts'
import { openConfiguredDatabase } from '../../db/open-configured-database.ts'
import { createScratchDatabase } from '../../../test/open-test-database.ts'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// A CLI import killed mid-run, then the next start (`otklik import history`): the history must say
// the import was interrupted and that nothing was loaded — on PGlite and on a PostgreSQL server.
const ROOT = join(import.meta.dirname, '../../..')
const files = makeTempDir('otklik-killed-')
const serverUrl = process.env.OTKLIK_TEST_PG_URL
let scratch: { url: string; drop(): Promise<void> } | undefined

afterAll(async () => {
  files.remove()
  await scratch?.drop()
})

async function environment(): Promise<Record<string, string>> {
  if (!serverUrl) return { OTKLIK_DATA_DIR: join(files.dir, 'data'), DATABASE_URL: '' }
  scratch = await createScratchDatabase(serverUrl)
  return { DATABASE_URL: scratch.url }
}

describe('a killed CLI import', () => {
  it('shows as interrupted with nothing loaded after the next start, and loads nothing', async () => {
    const overrides = { ...(await environment()), LOG_LEVEL: 'warn', OTKLIK_PROGRESS: '1' }
    const env = { ...process.env, ...overrides }
    const rows = Array.from({ length: 200_000 }, (_, i) => `K${i};Клиент ${i};8912${String(i).padStart(7, '0')}\n`)
    const file = files.write('big.csv', `bank_id;full_name;phone\n${rows.join('')}`)

    const child = spawn(process.execPath, [join(ROOT, 'bin/otklik.js'), 'import', 'clients', file], { cwd: ROOT, env })
    let stderr = ''
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (data: Buffer) => {
        stderr += data.toString()
        if (/rows read/.test(stderr)) resolve()
      })
      child.once('exit', () => reject(new Error(`the import ended before it was killed: ${stderr}`)))
    })
    child.kill('SIGKILL') // mid-run: rows read and staged, the apply not done
    expect(await exited).toBe('SIGKILL')

    // The next start (in this process: the killed one is what must be another). On a server the dead
    // session's lock may take a moment to be freed.
    let latest: { status: string; rowsRead: number; loaded: number; error: string } | undefined
    for (let attempt = 0; attempt < 20 && latest?.status !== 'interrupted'; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 500))
      const history = await runOtklikInProcess({ env: overrides, args: ['import', 'history', '--json'] })
      expect(history.status, history.stderr).toBe(0)
      latest = history.json().items[0]
    }
    expect(latest).toMatchObject({ status: 'interrupted', loaded: 0, error: expect.stringMatching(/^interrupted: the process that ran it \(pid \d+ on .+\) stopped before it finished; nothing was loaded$/) })
    expect(latest!.rowsRead).toBeGreaterThan(0)

    const db = await openConfiguredDatabase(readConfig(env))
    try {
      const clients = await db.kysely.selectFrom('clients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      expect(Number(clients.n)).toBe(0)
    } finally {
      await db.close()
    }
  }, 300_000)
})
