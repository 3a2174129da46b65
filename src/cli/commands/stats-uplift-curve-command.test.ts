import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import reference from '../../core/stats/reference/uplift_reference.json' with { type: 'json' }
import { offlineOtklikEnv } from '../../../test/run-offline-otklik.ts'
import { runOtklikInProcess } from '../../../test/run-otklik-in-process.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// `otklik stats uplift-curve` as scripts run it (issue 9's contract), against the known answers of
// src/core/stats/reference/uplift_reference.py. It opens no database: the data directory is never
// created and an unreachable DATABASE_URL is never dialled.
const files = makeTempDir('otklik-uplift-')
afterAll(() => files.remove())
const DATA_DIR = join(files.dir, 'data')

const otklik = (...args: string[]) => runOtklikInProcess({ env: offlineOtklikEnv(DATA_DIR), args })

/** A core-banking style export: Windows-1251, ';', comma decimals, Russian headers. */
function writeExport(name: string, rows: string[][]): string {
  const path = join(files.dir, name)
  writeFileSync(path, iconv.encode(rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'win1251'))
  return path
}

const ties = reference.cases.find((c) => c.name === 'ties')!
const informative = reference.cases.find((c) => c.name === 'informative')!
const HEADER = ['Клиент', 'Скор модели', 'Группа', 'Отклик']
const exportOf = (c: typeof ties) =>
  [HEADER, ...c.score.map((s, i) => [`C${i}`, String(s).replace('.', ','), String(c.treatment[i]), String(c.outcome[i])])]
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)))
const args = (path: string, ...more: string[]) =>
  ['stats', 'uplift-curve', '--csv', path, '--score', 'Скор модели', '--treatment', 'Группа', '--outcome', 'Отклик', ...more]

describe('otklik stats uplift-curve', () => {
  it.each([ties, informative])('prints the contract’s one line of JSON for a Windows-1251 export: $name', async (c) => {
    const run = await otklik(...args(writeExport(`${c.name}.csv`, exportOf(c))), '--json')
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    const result = run.json()
    expect(Object.keys(result)).toEqual(['qini_auc_score', 'uplift_auc_score', 'uplift_at_k', 'qini_raw'])
    close(result.qini_auc_score, c.expected.qini_auc_score)
    close(result.uplift_auc_score, c.expected.uplift_auc_score)
    expect(Object.keys(result.uplift_at_k)).toEqual(['0.1', '0.3'])
    close(result.uplift_at_k['0.1'], c.expected.uplift_at_k['0.1']!)
    close(result.uplift_at_k['0.3'], c.expected.uplift_at_k['0.3']!)
    close(result.qini_raw, c.expected.qini_raw)
    expect(existsSync(DATA_DIR)).toBe(false)
  })

  it('gives null for uplift at a k whose top has no control member, and explains the numbers in Russian', async () => {
    const few = reference.cases.find((c) => c.name === 'few_treated')!
    const path = writeExport('few.csv', exportOf(few as typeof ties))
    const json = (await otklik(...args(path, '--k', '0.1,0.5'), '--json')).json()
    expect(json.uplift_at_k).toEqual({ '0.1': null, '0.5': expect.any(Number) })
    close(json.uplift_at_k['0.5'], few.expected.uplift_at_k['0.5']!)
    const text = await otklik('--lang', 'ru', ...args(path))
    expect(text.status, text.stderr).toBe(0)
    expect(text.stdout).toMatch(/^60 members$/m)
    expect(text.stdout).toMatch(/Отрицательный Qini значит, что скор ранжирует хуже случайного/)
    expect(text.stdout).toMatch(/нормированные как в scikit-uplift/)
  })

  // Every refusal is tested in-process (app/stats/read-uplift-table.test.ts); here, how the CLI says one.
  const bad = (name: string, rows: string[][]) => writeExport(name, [HEADER, ...rows])
  it.each([
    ['en', () => bad('no-column.csv', [['C1', '0,5', '1', '1']]), ['--score', 'score'], /^otklik: The file has no column “score” \(--score\); its columns are: Клиент, Скор модели, Группа, Отклик\.$/m],
    ['ru', () => bad('treat-2.csv', [['C1', '0,5', '1', '1'], ['C2', '0,4', '2', '0']]), [], /^otklik: Строка 3, столбец «Группа»: ожидается 0 или 1, а не «2»\.$/m],
  ] as const)('exits 2 naming the column and line (%s): %#', async (lang, file, extra, message) => {
    // A later --score replaces the first: commander keeps the last value of an option.
    const run = await otklik('--lang', lang, ...args(file()), ...extra)
    expect(run.status, run.stdout).toBe(2)
    expect(run.stderr).toMatch(message)
  })

  it('exits 1 when the file cannot be read', async () => {
    const run = await otklik('--lang', 'en', ...args(join(files.dir, 'missing.csv')))
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/cannot read the file: no such file/)
  })
})
