import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { formatReason } from '../../contract/format-reason.ts'
import { reasonOf } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { measureUpliftModel } from '../../core/stats/measure-uplift-model.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import { readUpliftTable } from './read-uplift-table.ts'

// A file of scored members read through the imports' reader, and every refusal named by its
// column and line in both languages.
const files = makeTempDir('otklik-uplift-table-')
afterAll(() => files.remove())
const COLUMNS = { score: 'Скор модели', treatment: 'Группа', outcome: 'Отклик' }

function write(name: string, text: string, encoding = 'utf8'): string {
  const path = join(files.dir, name)
  writeFileSync(path, iconv.encode(text, encoding))
  return path
}

async function refusal(path: string, columns = COLUMNS): Promise<{ en: string; ru: string }> {
  try {
    measureUpliftModel({ table: await readUpliftTable({ path, columns }), ks: [0.3], columns })
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError)
    const reason = reasonOf((error as DomainError).details)!
    return { en: formatReason(reason, 'en'), ru: formatReason(reason, 'ru') }
  }
  throw new Error('expected a refusal')
}

describe('readUpliftTable', () => {
  it('reads Windows-1251 with ; and comma decimals, headers matched as the imports match them, scores in e-notation', async () => {
    const path = write('export.csv', 'Клиент;СКОР МОДЕЛИ;группа;Отклик\r\nC1;0,25;1;1\r\nC2;1,5e-3;0;0\r\nC3;-1 234,5;1,0;0\r\n\r\nC4;7E2;0;1\r\n', 'win1251')
    expect(await readUpliftTable({ path, columns: COLUMNS })).toEqual({
      score: [0.25, 0.0015, -1234.5, 700],
      treatment: [1, 0, 1, 0],
      outcome: [1, 0, 0, 1],
    })
  })

  it('reads a UTF-8 file with commas and quoted cells', async () => {
    const path = write('utf8.csv', 'id,score,treatment,visit\n"A, B",0.9,1,1\n"C",0.1,0,0\n')
    expect(await readUpliftTable({ path, columns: { score: 'score', treatment: 'treatment', outcome: 'visit' } })).toEqual({
      score: [0.9, 0.1], treatment: [1, 0], outcome: [1, 0],
    })
  })

  it('reads the first sheet of an XLSX workbook, numbers as the cells hold them', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Скоры')
    sheet.addRow(['Клиент', 'Скор модели', 'Группа', 'Отклик'])
    sheet.addRow(['C1', 0.125, 1, 1])
    sheet.addRow(['C2', 1e-7, 0, 1])
    sheet.addRow(['C3', '0,5', '0', '0'])
    const path = join(files.dir, 'scores.xlsx')
    await workbook.xlsx.writeFile(path)
    expect(await readUpliftTable({ path, columns: COLUMNS })).toEqual({ score: [0.125, 1e-7, 0.5], treatment: [1, 0, 0], outcome: [1, 1, 0] })
  })

  it.each([
    ['no-column.csv', 'Клиент;Скор;Группа;Отклик\nC1;0,5;1;1\n', 'The file has no column “Скор модели” (--score); its columns are: Клиент, Скор, Группа, Отклик.', 'В файле нет столбца «Скор модели» (--score); его столбцы: Клиент, Скор, Группа, Отклик.'],
    // Written exactly, a header wins; two that only read alike are not guessed between.
    ['two-columns.csv', 'Скор-модели;СКОР_МОДЕЛИ;Группа;Отклик\n', 'The file has two columns that read as “Скор модели” (--score): rename one.', 'В файле два столбца, читаемых как «Скор модели» (--score): переименуйте один.'],
    ['treat-2.csv', 'Скор модели;Группа;Отклик\n0,5;1;1\n0,4;2;0\n', 'Line 3, column “Группа”: expected 0 or 1; got “2”.', 'Строка 3, столбец «Группа»: ожидается 0 или 1, а не «2».'],
    ['outcome-yes.csv', 'Скор модели;Группа;Отклик\n0,5;1;да\n', 'Line 2, column “Отклик”: expected 0 or 1; got “да”.', 'Строка 2, столбец «Отклик»: ожидается 0 или 1, а не «да».'],
    ['score-text.csv', 'Скор модели;Группа;Отклик\n0,5;1;1\nhigh;0;1\n', 'Line 3, column “Скор модели”: the score must be a number; got “high”.', 'Строка 3, столбец «Скор модели»: скор должен быть числом, а не «high».'],
    ['score-blank.csv', 'Скор модели;Группа;Отклик\n;1;1\n', 'Line 2, column “Скор модели”: the score must be a number; got “”.', ''],
    ['short-row.csv', 'Скор модели;Группа;Отклик\n0,5;1\n', 'Line 2, column “Отклик”: expected 0 or 1; got “”.', ''],
    ['one-group.csv', 'Скор модели;Группа;Отклик\n0,5;1;1\n0,4;1;0\n', 'Column “Группа” holds only 1: the metrics compare treated (1) and control (0) members, and need both.', 'В столбце «Группа» только 1: метрики сравнивают целевую группу (1) с контрольной (0), нужны обе.'],
    ['one-outcome.csv', 'Скор модели;Группа;Отклик\n0,5;1;0\n0,4;0;0\n', 'Column “Отклик” holds only 0: the metrics need both responders (1) and non-responders (0).', 'В столбце «Отклик» только 0: метрикам нужны и откликнувшиеся (1), и не откликнувшиеся (0).'],
    ['header-only.csv', 'Скор модели;Группа;Отклик\n', 'The file has a header but no rows of members.', 'В файле есть заголовок, но нет строк с участниками.'],
  ])('refuses %s naming what is wrong', async (name, text, en, ru) => {
    const said = await refusal(write(name, text))
    expect(said.en).toBe(en)
    if (ru) expect(said.ru).toBe(ru)
  })

  it('refuses a row the reader could not read, with its line', async () => {
    const path = write('quote.csv', 'Скор модели;Группа;Отклик\n0,5;1;1\n"0,4"x;0;0\n')
    expect((await refusal(path)).en).toMatch(/^Line 3 cannot be read: /)
  })
})
