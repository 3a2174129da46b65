import { dataSet } from '../../../test/data-sets.ts'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { spawnOtklik } from '../../../test/spawn-otklik.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// The CLI as a user runs it over a fresh embedded database in a temporary directory.
const BERKA_DIR = dataSet('berka-pkdd99')
const files = makeTempDir('otklik-cli-')
afterAll(() => files.remove())

const env = { OTKLIK_DATA_DIR: join(files.dir, 'data'), DATABASE_URL: '' }
const otklik = (...args: string[]) => runOtklikInProcess({ env, args })

describe('otklik import', () => {
  it('imports clients, printing one line of JSON with the counts and the rejections by line', async () => {
    const file = files.write('clients.csv', iconv.encode('ИД клиента;ФИО;Дата рождения\r\nK1;Иванов;01.02.1980\r\nK2;Петров;31.02.1980\r\nK1;Повтор;\r\n', 'win1251'))
    // One real process proves the executable's contract (exit code, one line of JSON); the rest run in-process.
    const run = spawnOtklik({ env, args: ['import', 'clients', file, '--json'] })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    expect(run.json()).toMatchObject({
      loaded: 1,
      rejected: 2,
      rejections: [
        { line: 3, reason: 'column "Дата рождения" (birth_date) "31.02.1980": expected a date dd.mm.yyyy or yyyy-mm-dd' },
        { line: 4, reason: 'duplicate: bank_id "K1" already appears on line 2 of this file' },
      ],
    })
    // In Russian by the reason codes, which --json carries as well.
    const russian = (await otklik('--lang', 'ru', 'import', 'clients', file, '--dry-run', '--json')).json()
    expect(russian.rejections[0]).toEqual({
      line: 3, reason: 'Столбец «Дата рождения» «31.02.1980»: ожидается дата дд.мм.гггг или гггг-мм-дд.',
      reasons: [{ code: 'import.bad_date', column: 'Дата рождения', field: 'birth_date', value: '31.02.1980' }],
    })
  })

  it('fails with the reason on stderr when nothing can be imported, and exits 2 on bad arguments', async () => {
    const noColumns = await otklik('import', 'clients', files.write('bad.csv', 'name,phone\nx,y\n'), '--json')
    expect(noColumns.status).toBe(1)
    expect(noColumns.stdout).toBe('')
    expect(noColumns.stderr).toContain('bad.csv: missing required columns: bank_id')
    const russian = await otklik('--lang', 'ru', 'import', 'clients', files.write('bad.csv', 'name,phone\nx,y\n'))
    expect(russian.stderr).toContain('otklik: В файле нет обязательных столбцов: bank_id.')
    const missing = await otklik('import', 'clients', join(files.dir, 'nope.csv'), '--json')
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('cannot read the file: no such file')
    expect((await otklik('import', 'clients', files.write('x.csv', 'bank_id\n'), '--encoding', 'klingon')).status).toBe(2)
    expect((await otklik('import', 'clients', files.write('y.csv', 'bank_id\n'), '--mapping', files.write('m.json', '[1]'))).status).toBe(2)
    expect((await otklik('import', 'shoes', 'x.csv')).status).toBe(2)
  })

  // A call log's contract (issue 10): the import JSON; a phone no client has and a negative
  // duration are rejected naming the line and the column, the phone masked (in-process: the import
  // family's one real spawn is the clients test above). Loading: call-log-import.db.test.ts.
  it('imports a call log, rejecting unknown phones and negative durations by line and column', async () => {
    const file = files.write('calls.csv', 'Время звонка;Телефон;Причина;Длительность;Результат\n02.03.2026 10:00;8 (912) 000-00-07;Карта;2:00;решён\n02.03.2026 11:00;+7 912 000-00-08;card;-15;resolved\n')
    const run = await otklik('import', 'calls', file, '--json')
    expect(run.status, run.stderr).toBe(0)
    expect(run.json()).toMatchObject({
      loaded: 0,
      rejected: 2,
      rejections: [
        { line: 2, reason: 'column "Телефон" (phone) "8******07": no client has this phone' },
        { line: 3, reason: 'column "Длительность" (duration) "-15": a negative duration: a call lasts 0 seconds or more' },
      ],
    })
  })

  it('imports the Berka data set with per-file counts, and lists the history', async () => {
    const run = await otklik('import', 'berka', BERKA_DIR, '--json')
    expect(run.status, run.stderr).toBe(0)
    const result = run.json()
    expect(result).toMatchObject({ loaded: 5369 + 4500 + 5369 + 892 + 682 + 77, rejected: 0, rejections: [] })
    expect(result.files['client.asc']).toEqual({ loaded: 5369, rejected: 0 })
    expect(Object.keys(result.files)).toEqual(['district.asc', 'client.asc', 'account.asc', 'disp.asc', 'card.asc', 'loan.asc'])
    const history = (await otklik('import', 'history', '--json')).json()
    expect(history.items[0]).toMatchObject({ kind: 'berka', fileName: 'berka-pkdd99', status: 'done', rejected: 0 })
    expect(history.total).toBeGreaterThanOrEqual(4)
  })
})
