import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runOtklikInProcess } from '../../test/run-otklik-in-process.ts'
import { spawnOtklik } from '../../test/spawn-otklik.ts'
import { makeTempDir } from '../../test/temp-files.ts'
import { lockDataDir } from './lock-data-dir.ts'
import { openConfiguredDatabase } from './open-configured-database.ts'

// Two processes on one embedded data directory destroyed it (a CLI import while `npm start` ran:
// both reported success, then "PGlite failed to initialize properly"). Real processes here: this
// test's own, holding the database, and the CLI as a user runs it. Where the other holder does not
// matter (the message's language, a stale or foreign lock file), the CLI runs in this process.
const ROOT = join(import.meta.dirname, '../..')
const files = makeTempDir('otklik-lock-')
afterAll(() => files.remove())

const env = (dataDir: string) => ({ OTKLIK_DATA_DIR: dataDir, DATABASE_URL: '' })
const cli = (dataDir: string, ...args: string[]) => runOtklikInProcess({ env: env(dataDir), args })
const clientsCsv = files.write('clients.csv', 'bank_id;full_name\nL1;Иванов Иван\nL2;Петрова Анна\n')

async function clientCount(dataDir: string): Promise<number> {
  const db = await openConfiguredDatabase({ dataDir })
  try {
    return (await db.kysely.selectFrom('clients').select((c) => c.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n
  } finally {
    await db.close()
  }
}

describe('the embedded data directory', () => {
  it('refuses a CLI import while another process holds the database, naming it; then imports once it is closed', async () => {
    const dataDir = join(files.dir, 'held')
    const db = await openConfiguredDatabase({ dataDir })
    const lockFile = join(dataDir, 'pglite.lock')
    try {
      expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() })
      const refused = spawnOtklik({ env: env(dataDir), args: ['import', 'clients', clientsCsv] })
      expect(refused.status, refused.stderr).toBe(1)
      expect(refused.stderr).toContain(`in use by another Otklik process: pid ${process.pid} on ${hostname()}`)
      expect(refused.stderr).toContain('POST /api/imports')
      expect(refused.stderr).toContain(lockFile)
      const inRussian = await cli(dataDir, '--lang', 'ru', 'import', 'clients', clientsCsv)
      expect(inRussian.stderr).toContain('занята другим процессом Otklik')
      // The holder's database is untouched and still works.
      await db.kysely.insertInto('clients').values({ bank_id: 'H1', full_name: 'Держатель' }).execute()
    } finally {
      await db.close()
    }
    expect(existsSync(lockFile), 'the lock is released on close').toBe(false)
    const imported = await cli(dataDir, 'import', 'clients', clientsCsv)
    expect(imported.status, imported.stderr).toBe(0)
    expect(await clientCount(dataDir)).toBe(3)
  })

  it('breaks a stale lock whose process is gone, and respects one from another host', async () => {
    const dataDir = join(files.dir, 'stale')
    const lockFile = join(dataDir, 'pglite.lock')
    expect((await cli(dataDir, 'import', 'clients', clientsCsv)).status).toBe(0)
    const gone = spawnSync(process.execPath, ['-e', '']).pid!
    writeFileSync(lockFile, JSON.stringify({ pid: gone, host: hostname(), command: 'otklik start', startedAt: '2026-12-01T09:00:00.000Z' }))
    const afterCrash = await cli(dataDir, 'import', 'clients', clientsCsv, '--json')
    expect(afterCrash.status, afterCrash.stderr).toBe(0)
    expect(existsSync(lockFile)).toBe(false)

    writeFileSync(lockFile, JSON.stringify({ pid: 4242, host: 'other-server', command: 'otklik start', startedAt: '2026-12-01T09:00:00.000Z' }))
    const elsewhere = await cli(dataDir, 'import', 'clients', clientsCsv)
    expect(elsewhere.status).toBe(1)
    expect(elsewhere.stderr).toContain('pid 4242 on other-server, "otklik start"')
    expect(existsSync(lockFile)).toBe(true)
  })

  it('lets exactly one of two CLIs started at once on a new directory load, and the database opens afterwards', async () => {
    const dataDir = join(files.dir, 'race')
    const run = () =>
      new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'bin/otklik.js'), 'demo', '--clients', '100', '--json'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env(dataDir) } })
        let stderr = ''
        child.stderr.on('data', (chunk) => (stderr += chunk))
        child.on('close', (status) => resolve({ status, stderr }))
      })
    const outcomes = await Promise.all([run(), run()])
    expect(outcomes.filter((o) => o.status === 0), JSON.stringify(outcomes)).toHaveLength(1)
    const other = outcomes.find((o) => o.status !== 0)!
    expect(other.stderr).toMatch(/in use by another Otklik process|already has 100 clients/)
    expect(await clientCount(dataDir)).toBe(100)
  }, 400_000)

  it('is held once within a process too', () => {
    const dir = join(files.dir, 'twice')
    const lock = lockDataDir(dir)
    expect(() => lockDataDir(dir)).toThrow(/in use by another Otklik process/)
    lock.release()
    lockDataDir(dir).release()
    expect(existsSync(`${dir}.lock`)).toBe(false)
  })
})
