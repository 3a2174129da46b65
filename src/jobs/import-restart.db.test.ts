import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readConfig } from '../config.ts'
import { openConfiguredDatabase } from '../db/open-configured-database.ts'
import { createTestUser } from '../../test/build-test-server.ts'
import { createScratchDatabase } from '../../test/open-test-database.ts'
import { makeTempDir } from '../../test/temp-files.ts'

// The server (`otklik start`) killed with SIGKILL in the middle of an uploaded import, then started
// again: what a bank user expects is that the upload is not lost and not loaded twice or half — the
// restarted server takes the interrupted import up again from the beginning (attempt 2), and every
// row of the file is loaded exactly once. On PGlite and on a PostgreSQL server.
const ROOT = join(import.meta.dirname, '../..')
const files = makeTempDir('otklik-restart-')
const serverUrl = process.env.OTKLIK_TEST_PG_URL
let scratch: { url: string; drop(): Promise<void> } | undefined
const children: ChildProcess[] = []

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  files.remove()
  await scratch?.drop()
})

const ROWS = 150_000

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function environment(): Promise<Record<string, string>> {
  const base = { OTKLIK_DATA_DIR: join(files.dir, 'data'), LOG_LEVEL: 'warn', PORT: String(await freePort()) }
  if (!serverUrl) return { ...base, DATABASE_URL: '' }
  scratch = await createScratchDatabase(serverUrl)
  return { ...base, DATABASE_URL: scratch.url }
}

/** `otklik start --no-demo`, resolved once it listens. */
async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/otklik.js'), 'start', '--no-demo'], { cwd: ROOT, env })
  children.push(child)
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (data: Buffer) => {
      output += data.toString()
      if (/Otklik is running/.test(output)) resolve()
    })
    child.stderr!.on('data', (data: Buffer) => (output += data.toString()))
    child.once('exit', () => reject(new Error(`the server stopped: ${output}`)))
  })
  return child
}

describe('a server killed mid-import and started again', () => {
  it('takes the upload up again from the beginning and loads every row exactly once', async () => {
    const env = { ...process.env, ...(await environment()) }
    const base = `http://127.0.0.1:${env.PORT}`
    const setup = await openConfiguredDatabase(readConfig(env))
    await createTestUser(setup, 'analyst')
    await setup.close()

    let server = await startServer(env)
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'analyst', password: 'pw' }) })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]
    const rows = Array.from({ length: ROWS }, (_, i) => `K${i};Клиент ${i};8912${String(i).padStart(7, '0')}\n`)
    const form = new FormData()
    form.append('kind', 'clients')
    form.append('file', new Blob([`bank_id;full_name;phone\n${rows.join('')}`]), 'big.csv')
    const started = await fetch(`${base}/api/imports`, { method: 'POST', body: form, headers: { cookie } })
    expect(started.status).toBe(202)
    const { id } = (await started.json()) as { id: number }
    const importRow = async () => (await (await fetch(`${base}/api/imports/${id}`, { headers: { cookie } })).json()) as { status: string; rowsRead: number; loaded: number; rejected: number; attempts: number }

    for (let i = 0; i < 600; i++) {
      const row = await importRow()
      if (row.status === 'running' && row.rowsRead > 0) break
      if (row.status === 'done') throw new Error('the import ended before the server was killed')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGKILL') // mid-run: rows read and staged, the apply not done
    await exited

    server = await startServer(env)
    let latest = await importRow()
    for (let i = 0; i < 1200 && latest.status !== 'done' && latest.status !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      latest = await importRow()
    }
    expect(latest).toMatchObject({ status: 'done', rowsRead: ROWS, loaded: ROWS, rejected: 0, attempts: 2 })
    const stopped = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await stopped

    const db = await openConfiguredDatabase(readConfig(env))
    try {
      const clients = await db.kysely.selectFrom('clients').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('bank_id').distinct().as('distinct')]).executeTakeFirstOrThrow()
      expect([Number(clients.n), Number(clients.distinct)]).toEqual([ROWS, ROWS])
      const imports = await db.kysely.selectFrom('imports').select(['id', 'status']).execute()
      expect(imports).toEqual([{ id, status: 'done' }])
    } finally {
      await db.close()
    }
  }, 600_000)
})
