import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { semicolons, sharedStringsBomb, wideCsv } from '../../../test/hostile-import-files.ts'
import { multipart } from '../../../test/multipart-body.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import { runImport } from '../../app/import/run-import.ts'
import { IMPORT_LIMITS } from '../../core/import/import-limits.ts'
import type { Database } from '../../db/open-database.ts'
import type { App } from '../build-server.ts'

// Issue 6 C: small files that used to kill the server (200 MB of ';', a workbook whose shared
// strings inflate to gigabytes) are refused with the line and the limit, in the preview, the dry
// run and the real run; nothing is stored and the server keeps answering.

let db: Database
let app: App
let analyst: string
const files = makeTempDir()

beforeAll(async () => {
  db = await openTestDatabase()
  app = await buildTestServer(db)
  analyst = (await signIn(app, db, 'analyst')).cookie
})
afterAll(async () => {
  await app.close()
  await db.close()
  files.remove()
})

async function post(url: string, body: ReturnType<typeof multipart>) {
  return app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, cookie: analyst } })
}

async function finished(id: number) {
  for (let i = 0; i < 600; i++) {
    const body = (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: analyst } })).json()
    if (body.status !== 'queued' && body.status !== 'running') return body
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the import did not finish')
}

const L = IMPORT_LIMITS

describe('hostile files', () => {
  const cases: [string, string, () => Promise<Buffer>, { code: string; line?: number; limit: number }, RegExp][] = [
    ['a CSV of ";" alone', 'semicolons.csv', async () => Buffer.concat([...semicolons(8 * 1024 * 1024)]), { code: 'import.too_many_fields', line: 1, limit: L.fields }, /line 1: a record of more than 1,000 fields/],
    ['a CSV whose line 3 has too many fields', 'wide.csv', async () => Buffer.from(wideCsv(L.fields + 1)), { code: 'import.too_many_fields', line: 3, limit: L.fields }, /line 3: a record of more than 1,000 fields/],
    ['a workbook of too many shared strings', 'bomb.xlsx', async () => {
      const path = `${files.dir}/bomb.xlsx`
      await sharedStringsBomb(path, { count: L.sharedStrings + 1 })
      return readFileSync(path)
    }, { code: 'import.too_many_shared_strings', limit: L.sharedStrings }, /more than 2,000,000 shared strings/],
  ]

  it.each(cases)('refuses %s in the preview, the dry run and the real run, storing nothing', async (_, name, build, details, message) => {
    const content = await build()
    expect(content.length).toBeLessThan(9 * 1024 * 1024)

    const preview = await post('/api/imports/preview', multipart({}, { name, content }))
    expect(preview.statusCode, preview.body).toBe(422)
    expect(preview.json()).toMatchObject({ error: 'import_failed', message: expect.stringMatching(message), details })

    for (const dryRun of ['true', 'false']) {
      const started = await post('/api/imports', multipart({ kind: 'clients', dryRun }, { name, content }))
      expect(started.statusCode, started.body).toBe(202)
      const record = await finished(started.json().id)
      expect(record).toMatchObject({ status: 'failed', dryRun: dryRun === 'true', loaded: 0, error: expect.stringMatching(message) })
      expect(record.rejections ?? []).toEqual([])
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
    }
    const clients = await db.kysely.selectFrom('clients').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    const rejections = await db.kysely.selectFrom('import_rejections').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect([Number(clients.n), Number(rejections.n)]).toEqual([0, 0])
  })

  it('cuts a chunk at the characters it holds, not only at 5,000 rows', async () => {
    const long = 'z'.repeat(400_000)
    const rows = Array.from({ length: 50 }, (_, i) => `L${i};Иванов Иван;${long}\n`).join('')
    const path = files.write('long-rows.csv', `bank_id;full_name;notes\n${rows}`)
    const reports: number[] = []
    const outcome = await runImport(db, {
      kind: 'clients', path, fileName: 'long-rows.csv', dryRun: true, user: { id: null, login: null },
      onProgress: (progress) => reports.push(progress.rowsRead),
    })
    expect(outcome).toMatchObject({ status: 'done', rowsRead: 50, loaded: 50, rejected: 0 })
    // 50 rows of 400,000 characters are 20 million: at least two chunks before the last.
    expect(reports.length).toBeGreaterThanOrEqual(3)
    expect(Math.max(...reports.slice(0, -1))).toBeLessThan(50)
  })
})
