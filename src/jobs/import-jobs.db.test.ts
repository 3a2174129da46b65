import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importUpload } from '../app/import/import-upload.ts'
import { runImportJob } from '../app/import/run-import-job.ts'
import { TEST_TODAY } from '../../test/arbitrary-rule.ts'
import type { Database } from '../db/open-database.ts'
import type { App } from '../http/build-server.ts'
import { buildTestServer, signIn } from '../../test/build-test-server.ts'
import { multipart } from '../../test/multipart-body.ts'
import { openTestDatabase } from '../../test/open-test-database.ts'

// Imports and profile refreshes as real pg-boss jobs on the test database (PGlite's one pool, or a
// PostgreSQL server): an upload is queued and run by the worker while other users keep counting,
// a job delivered again loads nothing twice, and two refreshes asked for at once make one rebuild.

let db: Database
let app: App
let analyst: string
let marketer: string

beforeAll(async () => {
  db = await openTestDatabase()
  app = await buildTestServer(db)
  analyst = (await signIn(app, db, 'analyst')).cookie
  marketer = (await signIn(app, db, 'marketer')).cookie
})
afterAll(async () => {
  await app?.close()
  await db?.close()
})

const ROWS = 30_000
const clientsFile = (n: number, prefix: string) =>
  `bank_id;full_name;phone;segment\n${Array.from({ length: n }, (_, i) => `${prefix}${i};Клиент ${i};8912${String(i).padStart(7, '0')};${i % 3 === 0 ? 'premium' : 'mass'}\n`).join('')}`

async function importRow(id: number) {
  return (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: analyst } })).json()
}

async function jobsOf(queue: string) {
  const { rows } = await sql<{ state: string; data: Record<string, unknown>; output: Record<string, unknown> | null }>`
    SELECT state, data, output FROM pgboss.job WHERE name = ${queue} ORDER BY created_on`.execute(db.kysely)
  return rows
}

/** Until every job of the queue has ended (a request is answered a moment before its job is marked completed). */
async function settled(queue: string) {
  // Up to a minute: on a loaded machine a refresh after an import takes a while.
  for (let i = 0; i < 1200 && (await jobsOf(queue)).some((j) => !['completed', 'failed'].includes(j.state)); i++) await new Promise((resolve) => setTimeout(resolve, 50))
  return jobsOf(queue)
}

const countClients = async () => Number((await db.kysely.selectFrom('clients').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

describe('an import as a job', () => {
  it('is queued, run by the worker with progress, while another user counts a selection; loaded once', async () => {
    const body = multipart({ kind: 'clients' }, { name: 'big.csv', content: clientsFile(ROWS, 'J') })
    const started = await app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, cookie: analyst } })
    expect(started.statusCode, started.body).toBe(202)
    const id = started.json().id as number

    const seen: { status: string; rowsRead: number }[] = []
    const countsDuringImport: number[] = []
    for (let i = 0; i < 1200; i++) {
      const row = await importRow(id)
      seen.push({ status: row.status, rowsRead: row.rowsRead })
      if (row.status !== 'queued' && row.status !== 'running') break
      // The marketer counts meanwhile: answered between the import's short transactions.
      const count = await app.inject({ method: 'POST', url: '/api/selections/count', payload: { rule: { field: 'segment', op: 'eq', value: 'premium' } }, headers: { cookie: marketer } })
      expect(count.statusCode, count.body).toBe(200)
      if ((await importRow(id)).status === 'running') countsDuringImport.push(count.json().count)
    }
    const final = await importRow(id)
    expect(final).toMatchObject({ status: 'done', rowsRead: ROWS, loaded: ROWS, rejected: 0, attempts: 1, progress: 1 })
    expect(countsDuringImport.length).toBeGreaterThan(0)
    // What the page polls: queued, then running with the rows read so far (written per chunk), then done.
    expect(seen[0].status).toMatch(/^(queued|running)$/)
    expect(seen.some((s) => s.status === 'running' && s.rowsRead > 0)).toBe(true)
    expect(await countClients()).toBe(ROWS)
    // The job completes once the worker has also asked for the profile's catch-up.
    expect((await settled('otklik.import')).map((j) => [j.state, j.data, j.output])).toEqual([['completed', { importId: id }, { status: 'done', loaded: ROWS, rejected: 0 }]])

    // The worker asked for the profile's catch-up: the next count sees the loaded clients.
    await settled('otklik.profile-refresh')
    const count = await app.inject({ method: 'POST', url: '/api/selections/count', payload: { rule: { field: 'segment', op: 'eq', value: 'premium' } }, headers: { cookie: marketer } })
    expect(count.json().count).toBe(ROWS / 3)
  }, 300_000)

  it('does nothing when its job is delivered again (a retry): the file is never loaded twice', async () => {
    const body = multipart({ kind: 'clients' }, { name: 'small.csv', content: clientsFile(50, 'R') })
    const id = (await app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, cookie: analyst } })).json().id
    for (let i = 0; i < 300 && (await importRow(id)).status !== 'done'; i++) await new Promise((resolve) => setTimeout(resolve, 50))
    const before = await countClients()
    expect(await runImportJob(db, { importId: id, now: new Date() })).toEqual({ ran: false, status: 'done' })
    expect(await countClients()).toBe(before)
    expect(await importRow(id)).toMatchObject({ status: 'done', loaded: 50, attempts: 1 })
  })
})

describe('an import job that cannot run', () => {
  const queue = async (content: string) => {
    const dir = await mkdtemp(join(tmpdir(), 'otklik-upload-test-'))
    const path = join(dir, 'upload')
    await writeFile(path, content)
    const { id } = await importUpload(db, {
      user: { id: null, login: 'analyst', role: 'analyst' }, kind: 'clients', dryRun: false, today: TEST_TODAY,
      upload: { path, dir, fileName: 'later.csv', remove: () => rm(dir, { recursive: true, force: true }) },
      enqueue: async () => undefined, // run by hand below, not by the worker
    })
    return { id, dir }
  }

  it('fails with a clear reason when the kept upload is gone, loading nothing', async () => {
    const { id, dir } = await queue(clientsFile(5, 'G'))
    await rm(dir, { recursive: true, force: true })
    const result = await runImportJob(db, { importId: id, now: new Date() })
    expect(result).toMatchObject({ ran: true, outcome: { status: 'failed', loaded: 0, errorReason: { code: 'import.upload_missing' } } })
    expect(await importRow(id)).toMatchObject({ status: 'failed', loaded: 0, errorReason: { code: 'import.upload_missing' } })
  })

  it('is not started a fourth time: an interrupted upload after 3 starts stays interrupted', async () => {
    const { id } = await queue(clientsFile(5, 'F'))
    await db.kysely.updateTable('imports').set({ status: 'interrupted', attempts: 3 }).where('id', '=', id).execute()
    expect(await runImportJob(db, { importId: id, now: new Date() })).toEqual({ ran: false, status: 'interrupted' })
    await db.kysely.updateTable('imports').set({ attempts: 2 }).where('id', '=', id).execute()
    expect(await runImportJob(db, { importId: id, now: new Date() })).toMatchObject({ ran: true, outcome: { status: 'done', loaded: 5, attempt: 3 } })
    expect(await importRow(id)).toMatchObject({ status: 'done', loaded: 5, attempts: 3 })
  })
})

describe('GET /api/jobs', () => {
  it('shows the queues, the latest jobs with their outcome and the profile, to the admin and the analyst only', async () => {
    await settled('otklik.import')
    // An import asks for the profile's refresh when it is done: that job must have ended too.
    await settled('otklik.profile-refresh')
    const response = await app.inject({ method: 'GET', url: '/api/jobs?limit=10', headers: { cookie: analyst } })
    expect(response.statusCode, response.body).toBe(200)
    const view = response.json()
    expect(view.queues).toEqual(expect.arrayContaining([
      { queue: 'otklik.import', waiting: 0, running: 0, completed: 2, failed: 0 },
      expect.objectContaining({ queue: 'otklik.profile-refresh', waiting: 0, running: 0 }),
      { queue: 'otklik.import.dead', waiting: 0, running: 0, completed: 0, failed: 0 },
    ]))
    const imports = view.jobs.filter((j: { queue: string }) => j.queue === 'otklik.import')
    expect(imports.map((j: { state: string; output: unknown }) => [j.state, j.output])).toEqual([
      ['completed', { status: 'done', loaded: 50, rejected: 0 }],
      ['completed', { status: 'done', loaded: ROWS, rejected: 0 }],
    ])
    expect(view.profile).toMatchObject({ rebuilding: false })
    expect((await app.inject({ method: 'GET', url: '/api/jobs', headers: { cookie: marketer } })).statusCode).toBe(403)
  })
})

describe('a profile refresh as a job', () => {
  it('asked for twice at once, rebuilds the profile once and answers both', async () => {
    const before = await db.kysely.selectFrom('profile_state').select('sweep_started_at').executeTakeFirstOrThrow()
    const alreadyDone = (await settled('otklik.profile-refresh')).length
    const refresh = () => app.inject({ method: 'POST', url: '/api/profile/refresh', headers: { cookie: analyst } })
    const [a, b] = await Promise.all([refresh(), refresh()])
    expect([a.statusCode, b.statusCode], a.body).toEqual([200, 200])
    const clients = await countClients()
    expect(a.json()).toMatchObject({ clients })
    expect(b.json()).toMatchObject({ clients })
    const jobs = (await settled('otklik.profile-refresh')).slice(alreadyDone)
    expect(jobs.every((j) => j.state === 'completed')).toBe(true)
    // One job, or two of which the second joined the first one's rebuild.
    expect(jobs.filter((j) => j.output?.rebuilt === true)).toHaveLength(1)
    const after = await db.kysely.selectFrom('profile_state').select(['sweep_started_at', 'sweep_from', 'sweep_refreshed']).executeTakeFirstOrThrow()
    expect(after.sweep_started_at!.getTime()).toBeGreaterThan(before.sweep_started_at!.getTime())
    expect(after).toMatchObject({ sweep_from: null })
    expect(Number(after.sweep_refreshed)).toBe(clients)

    // A refresh asked for after that one finished rebuilds again.
    expect((await refresh()).statusCode).toBe(200)
    const latest = (await settled('otklik.profile-refresh')).slice(alreadyDone + jobs.length)
    expect(latest.map((j) => j.output?.rebuilt)).toEqual([true])
  }, 120_000)
})
