import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { createLogger } from '../../logger.ts'
import { type App } from '../build-server.ts'
import { buildServerWithJobs, signIn } from '../../../test/build-test-server.ts'
import { multipart } from '../../../test/multipart-body.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'

// An import started from the API runs as a background job and logs exactly one line when it ends,
// with its counts and never the file's contents.

let db: Database
let app: App
const logLines: string[] = []

beforeAll(async () => {
  db = await openTestDatabase()
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk))
      done()
    },
  })
  app = await buildServerWithJobs({ db, config: { sessionHours: 12, secureCookies: false }, logger: createLogger('info', destination), now: () => new Date() })
})
afterAll(async () => {
  await app.close()
  await db.close()
})

describe('import job log', () => {
  it('logs one line per import job with its counts and no personal data', async () => {
    const { cookie } = await signIn(app, db, 'analyst')
    const body = multipart({ kind: 'clients' }, { name: 'clients.csv', content: 'bank_id,full_name,phone\nJ1,Сидорова Анна,89123456789\nJ2,,\n' })
    const started = await app.inject({ method: 'POST', url: '/api/imports', payload: body.payload, headers: { ...body.headers, cookie } })
    expect(started.statusCode).toBe(202)
    const jobLines = async () => logLines.map((l) => JSON.parse(l)).filter((l) => l.job === 'import')
    for (let i = 0; i < 200 && (await jobLines()).length === 0; i++) await new Promise((r) => setTimeout(r, 50))
    const jobs = await jobLines()
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({ job: 'import', importId: started.json().id, kind: 'clients', status: 'done', loaded: 1, rejected: 1, user: 'analyst' })
    const everything = logLines.join('')
    expect(everything).not.toContain('Сидорова')
    expect(everything).not.toContain('9123456789')
  })
})
