import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { findDecodingProblem } from './find-decoding-problem.ts'

/** What a Windows-1251 reader makes of UTF-8 text. */
const misread = (text: string) => iconv.decode(Buffer.from(text, 'utf8'), 'win1251')

describe('findDecodingProblem', () => {
  it.each([
    ['a cell with U+FFFD after invalid bytes', ['A1', 'Ив\ufffdнов'], 'utf-8', true, 'import.bad_encoding'],
    ['UTF-8 text read as Windows-1251', ['A1', misread('Иванов Пётр')], 'windows-1251', false, 'import.utf8_in_1251'],
    ['one UTF-8 letter between others', ['A1', `Ива${misread('н')}ов`], 'windows-1251', false, undefined],
    ['Russian capitals with Ё', ['A1', 'ВСЁ ПЁТР РЁВА СЁМИН'], 'windows-1251', false, undefined],
    ['text with the punctuation of exports', ['A1', 'ООО «Р»—«С»', '№ 5, «РС» Р» С©'], 'windows-1251', false, undefined],
    ['U+FFFD in a file with no invalid bytes (it was written so)', ['A1', 'x\ufffd'], 'utf-8', false, undefined],
    ['UTF-8-looking text in a UTF-8 file', ['A1', 'РџРµС‚СЂ'], 'utf-8', false, undefined],
  ])('%s', (_, cells, encoding, invalidBytes, code) => {
    expect(findDecodingProblem({ cells, encoding, invalidBytes })?.details).toEqual(code && { code, encoding })
  })
})
