import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../../db/migrate.ts'
import { openDatabase } from '../../db/open-database.ts'
import { seedProgramWaves } from '../../../test/seed-program-waves.ts'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// `otklik import responses FILE --program C --json` as a user runs it, over an embedded database
// that holds a program with a pilot wave (written before the CLI runs: the directory has one user).
const files = makeTempDir('otklik-cli-responses-')
const dataDir = join(files.dir, 'data')

beforeAll(async () => {
  const db = await openDatabase({ dataDir: join(dataDir, 'pglite') }) // as open-configured-database.ts opens it
  try {
    await migrate(db)
    await db.kysely.insertInto('clients').values([{ bank_id: 'K1', full_name: 'K1' }, { bank_id: 'K2', full_name: 'K2' }, { bank_id: 'K3', full_name: 'K3' }]).execute()
    await seedProgramWaves(db, { code: 'CARD-1', waves: [{ builtAt: '2026-03-01T09:00:00Z', members: { K1: 'target', K2: 'control' } }] })
  } finally {
    await db.close()
  }
}, 120_000)
afterAll(() => files.remove())

const otklik = (...args: string[]) => runOtklikInProcess({ env: { OTKLIK_DATA_DIR: dataDir, DATABASE_URL: '' }, args })

describe('otklik import responses', () => {
  it('prints the import JSON of client imports: loaded, rejected and the rejections by line', async () => {
    const file = files.write('responses.csv', 'client_id,type,responded_at,value\nK1,conversion,2026-04-01,\nK2,spend,2026-04-02,1500\nK3,reply,2026-04-02,\nK1,spend,2026-04-03,\n')
    const run = await otklik('import', 'responses', file, '--program', 'CARD-1', '--json')
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    expect(run.json()).toMatchObject({
      dryRun: false,
      loaded: 2,
      rejected: 2,
      rejections: [
        { line: 4, reasons: [{ code: 'response.not_member', program: 'CARD-1', value: 'K3' }] },
        { line: 5, reason: 'column "value": a response of type spend needs its value in roubles', reasons: [{ code: 'response.value_required' }] },
      ],
    })
    // Loaded again: nothing counts twice, and the history names the program.
    expect((await otklik('import', 'responses', file, '--program', 'CARD-1', '--json')).json()).toMatchObject({ loaded: 2, rejected: 2 })
    const history = (await otklik('import', 'history', '--json')).json()
    expect(history.items[0]).toMatchObject({ kind: 'responses', program: 'CARD-1', status: 'done' })
  })

  it('exits 1 for an unknown program and 2 for a program given to another kind; without a program the rows are events, attributed at once', async () => {
    const file = files.write('r.csv', 'client_id,type,responded_at\nK1,reply,2026-04-01\n')
    const unknown = await otklik('import', 'responses', file, '--program', 'NOPE', '--json')
    expect(unknown.status).toBe(1)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toContain('otklik: No program NOPE')
    expect((await otklik('--lang', 'ru', 'import', 'responses', file, '--program', 'NOPE')).stderr).toContain('Программы NOPE нет.')
    // No program states rules here, so the event is kept and attributed to none.
    const events = await otklik('import', 'responses', files.write('events.csv', 'client_id,type,responded_at\nK1,reply,2026-03-10\n'), '--json')
    expect(events.status, events.stderr).toBe(0)
    expect(events.json()).toMatchObject({ loaded: 1, rejected: 0, attribution: { events: 1, attributed: 0, unattributed: 1, byProgram: {} } })
    // Once CARD-1 says a reply counts, attribution gives the event (in its 30-day window) to it.
    const rules = await otklik('responses', 'rules', 'CARD-1', '--set', files.write('rules.json', '{"rules": [{"type": "reply"}]}'), '--json')
    expect(rules.status, rules.stderr).toBe(0)
    expect(rules.json()).toEqual({ program: 'CARD-1', definition: { rules: [{ type: 'reply' }], priority: 100 }, windowDays: 30 })
    expect((await otklik('responses', 'attribute', '--json')).json()).toEqual({ events: 1, attributed: 1, unattributed: 0, by_program: { 'CARD-1': 1 } })
    const wrongKind = await otklik('import', 'clients', files.write('c.csv', 'bank_id,full_name\nK9,K9\n'), '--program', 'CARD-1')
    expect(wrongKind.status).toBe(2)
    expect(wrongKind.stderr).toContain('only an import of responses takes a program, not an import of clients')
  })
})
