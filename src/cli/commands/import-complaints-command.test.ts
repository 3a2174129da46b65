import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// The contract of issue 10 as a user runs it over a fresh embedded database, in this process (the
// executable's own contract is import-command.test.ts's spawn; the import's rules are held by
// app/import/cfpb/import-complaint-file.db.test.ts).
const ROOT = join(import.meta.dirname, '../../..')
const FILE = join(ROOT, 'test/cfpb/complaints-18-columns.csv')
const files = makeTempDir('otklik-cli-cfpb-')
afterAll(() => files.remove())

describe('otklik import complaints', () => {
  it('prints the import JSON with the loaded complaints by product and the rejected rows by line', async () => {
    const env = { OTKLIK_DATA_DIR: join(files.dir, 'data'), DATABASE_URL: '' }
    const result = await runOtklikInProcess({ env, args: ['import', 'complaints', FILE, '--format', 'cfpb', '--json'] })
    expect(result.status, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout.trim())
    expect(json).toMatchObject({
      format: 'cfpb18',
      loaded: 6,
      rejected: 4,
      added: 6,
      by_product: { Mortgage: 2, 'Debt collection': 1, 'Checking or savings account': 1 },
    })
    expect(json.rejections.map((r: { line: number; reasons: { code: string }[] }) => [r.line, r.reasons[0].code])).toEqual([
      [9, 'import.cfpb_unknown_product'],
      [11, 'import.cfpb_bad_date'],
      [12, 'import.duplicate_row'],
      [15, 'import.cfpb_cut_off'],
    ])
    expect(json.rejections[3].reason).toMatch(/^line 15: a quoted cell is never closed before the end of the file/)
  })
})
