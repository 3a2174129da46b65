import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../config.ts'
import { openConfiguredDatabase } from '../../db/open-configured-database.ts'
import { startJobs } from '../../jobs/start-jobs.ts'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { spawnOtklik } from '../../../test/spawn-otklik.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// `otklik jobs` reads the queues pg-boss keeps in the database: a job sent by a server that has
// stopped since shows as waiting, with its data, in the CLI too.
const files = makeTempDir('otklik-jobs-cli-')
afterAll(() => files.remove())

describe('otklik jobs', () => {
  it('lists the queues and a waiting job, as JSON and as text', async () => {
    const env = { OTKLIK_DATA_DIR: join(files.dir, 'data'), DATABASE_URL: '' }
    const otklik = (...args: string[]) => runOtklikInProcess({ env, args })
    const empty = await otklik('jobs')
    expect(empty.status, empty.stderr).toBe(0)
    expect(empty.stdout).toContain('no job queues yet')

    const db = await openConfiguredDatabase(readConfig({ ...process.env, ...env }))
    const jobs = await startJobs({ db, onError: () => undefined })
    await jobs.send('otklik.import', { importId: 7 }, { singletonKey: 'import-7' })
    await jobs.stop()
    await db.close()

    // One real process proves the executable's contract: exit code 0, stdout exactly the JSON.
    const listed = spawnOtklik({ env, args: ['jobs', '--json'] })
    expect(listed.status, listed.stderr).toBe(0)
    const view = JSON.parse(listed.stdout)
    expect(view.queues).toContainEqual({ queue: 'otklik.import', waiting: 1, running: 0, completed: 0, failed: 0 })
    expect(view.jobs).toEqual([expect.objectContaining({ queue: 'otklik.import', state: 'created', data: { importId: 7 }, retryCount: 0 })])
    const text = await otklik('jobs')
    expect(text.stdout).toContain('otklik.import: waiting 1, running 0, completed 0, failed 0')
    expect((await otklik('jobs', '--limit', 'x')).status).toBe(2)
  }, 180_000)
})
