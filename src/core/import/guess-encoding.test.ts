import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { countUtf8Evidence, guessEncoding } from './guess-encoding.ts'

const NAMES = Array.from({ length: 200 }, (_, i) => `C${i};Иванов Пётр Семёнович;г. Москва, ул. Лётчика, д. ${i}\n`).join('')
const utf8 = (text: string) => Buffer.from(text, 'utf8')
const cp1251 = (text: string) => iconv.encode(text, 'win1251')
const withStrayByte = (bytes: Buffer, at: number) => Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)])

describe('guessEncoding', () => {
  it.each([
    ['UTF-8 names', utf8(NAMES), 'utf-8'],
    ['UTF-8 names with one stray byte first', withStrayByte(utf8(NAMES), 0), 'utf-8'],
    ['UTF-8 names with a stray byte in every tenth row', Buffer.concat(utf8(NAMES).toString().split('\n').map((row, i) => (i % 10 ? utf8(`${row}\n`) : withStrayByte(utf8(`${row}\n`), 3)))), 'utf-8'],
    ['Windows-1251 names', cp1251(NAMES), 'windows-1251'],
    // Capitals followed by Ё are valid UTF-8 by chance (CF A8 is U+03E8): still far outweighed.
    ['Windows-1251 capitals with Ё', cp1251('ПЁТР СЕМЁНОВ;ВСЁ;ОЛЁНА\n'.repeat(50)), 'windows-1251'],
    ['one Windows-1251 letter', cp1251('Я'), 'windows-1251'],
  ] as const)('%s → %s', (_, bytes, expected) => {
    expect(guessEncoding(bytes, true)).toBe(expected)
  })

  it('leaves a sequence cut by the end of a sample out, and counts it at the end of the file', () => {
    const cut = utf8('Пётр').subarray(0, 7) // the last 'р' cut in two
    expect(countUtf8Evidence(cut, false)).toEqual({ valid: 3, invalid: 0 })
    expect(countUtf8Evidence(cut, true)).toEqual({ valid: 3, invalid: 1 })
  })

  it.each([
    ['an overlong form', [0xc0, 0xaf], { valid: 0, invalid: 2 }],
    ['a surrogate', [0xed, 0xa0, 0x80], { valid: 0, invalid: 3 }],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], { valid: 0, invalid: 4 }],
    ['a four-byte character', [0xf0, 0x9f, 0x99, 0x82], { valid: 1, invalid: 0 }],
  ])('judges %s as UTF-8 does', (_, bytes, evidence) => {
    expect(countUtf8Evidence(Uint8Array.from(bytes), true)).toEqual(evidence)
    expect(evidence.valid === 1).toBe(Buffer.from(bytes).toString('utf8').indexOf('\ufffd') < 0)
  })
})
