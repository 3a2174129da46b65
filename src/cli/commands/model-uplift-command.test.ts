import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { seedUpliftWave } from '../../../test/seed-uplift-wave.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import { migrate } from '../../db/migrate.ts'
import { openDatabase } from '../../db/open-database.ts'

// `otklik model uplift` end to end on a bank whose past e-mail wave persuades the well-off
// (test/seed-uplift-wave.ts): the JSON it prints, and its refusals by exit code and reason.
const files = makeTempDir('otklik-uplift-cli-')
const dataDir = join(files.dir, 'bank')
let waveId: number

beforeAll(async () => {
  // Where the CLI opens its embedded database (db/open-configured-database.ts).
  const db = await openDatabase({ dataDir: join(dataDir, 'pglite') })
  await migrate(db)
  waveId = (await seedUpliftWave(db, { n: 900, today: '2026-12-03' })).waveId
  await db.close()
}, 120_000)
afterAll(() => files.remove())

const otklik = (args: string[]) => runOtklikInProcess({ env: { OTKLIK_DATA_DIR: dataDir, DATABASE_URL: '' }, args })

describe('otklik model uplift', () => {
  it('trains on the wave, scores the base and prints both normalisations and the profit curve', async () => {
    const run = await otklik(['model', 'uplift', '--wave', String(waveId), '--response', 'visit', '--margin', '1000', '--contact-cost', '50', '--json'])
    expect(run.status, run.stderr).toBe(0)
    const json = JSON.parse(run.stdout.trim().split('\n').at(-1)!)
    expect(json).toMatchObject({ version: 1, program: 'EMAIL-UP', wave: waveId, approach: 'two_model', n_train: 600, n_test: 300, scored: 900, profit: { break_even_score: 0.05 } })
    for (const key of ['qini_auc_score', 'uplift_auc_score', 'qini_raw']) expect(typeof json[key]).toBe('number')
    expect(Object.keys(json.uplift_at_k)).toEqual(['0.1', '0.3', '0.5'])
    expect(json.notes.raw).toContain('incremental responders')

    const refused = await otklik(['model', 'uplift', '--wave', String(waveId), '--response', 'visit', '--margin', '-5', '--lang', 'ru'])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toContain('--margin')
  }, 240_000)
})
