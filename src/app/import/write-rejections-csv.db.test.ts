import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import { runImport } from './run-import.ts'
import { writeRejectionsCsv } from './write-rejections-csv.ts'

// The rejected rows hold the file's own cells, which an attacker chose: a download must not run
// them as formulas in Excel, and the fixed file must import again to the original text.
let db: Database
const files = makeTempDir()
const user = { id: null, login: 'test' }
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db.close()
  files.remove()
})

// Read as the analyst, who keeps the client base: a role that may download a client import's rejected rows.
async function download(importId: number): Promise<string> {
  let text = ''
  for await (const chunk of (await writeRejectionsCsv(db, { importId, reader: { role: 'analyst' }, lang: 'en' })).body) text += chunk
  return text
}

describe('the rejected rows CSV', () => {
  it('escapes cells Excel would run, and imports back to the original text once fixed', async () => {
    const path = files.write('hostile.csv', 'bank_id;full_name;birth_date\nF1;=1+1;31.02.1980\nF2;@SUM(A1:A2);30.02.1980\nF3;+7 912;01.01.1980\n')
    const first = await runImport(db, { kind: 'clients', path, fileName: 'hostile.csv', dryRun: false, user })
    expect(first).toMatchObject({ loaded: 1, rejected: 2 })
    const csv = await download(first.id)
    const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n')
    expect(lines[0]).toBe('bank_id;full_name;birth_date;line;reason')
    expect(lines[1]).toMatch(/^F1;'=1\+1;31\.02\.1980;2;/)
    expect(lines[2]).toMatch(/^F2;'@SUM\(A1:A2\);30\.02\.1980;3;/)
    expect(lines.slice(1).every((line) => !/(^|;)[=+@-]/.test(line)), csv).toBe(true)

    const fixed = files.write('fixed.csv', csv.replace('31.02.1980', '28.02.1980').replace('30.02.1980', '28.02.1980'))
    const second = await runImport(db, { kind: 'clients', path: fixed, fileName: 'fixed.csv', dryRun: false, user })
    expect(second).toMatchObject({ loaded: 2, rejected: 0 })
    const names = await db.kysely.selectFrom('clients').select(['bank_id', 'full_name']).orderBy('bank_id').execute()
    expect(names).toEqual([
      { bank_id: 'F1', full_name: '=1+1' },
      { bank_id: 'F2', full_name: '@SUM(A1:A2)' },
      { bank_id: 'F3', full_name: '+7 912' },
    ])
  })
})
