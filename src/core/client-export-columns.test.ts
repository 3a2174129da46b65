import { describe, expect, it } from 'vitest'
import { formatExportText } from './client-export-columns.ts'

describe('formatExportText', () => {
  it.each([
    ['money', 1234567.5, 'ru', '1234567,50'],
    ['money', 1234567.5, 'en', '1234567.50'],
    ['date', '1980-05-17', 'ru', '17.05.1980'],
    ['date', '1980-05-17', 'en', '1980-05-17'],
    ['date', '****-**-**', 'ru', '****-**-**'],
    ['flag', true, 'ru', 'да'],
    ['flag', false, 'en', 'no'],
    ['text', null, 'en', ''],
    ['text', 'Иванов', 'ru', 'Иванов'],
  ] as const)('%s %s in %s → %s', (kind, value, lang, expected) => {
    expect(formatExportText(kind, value, lang)).toBe(expected)
  })
})
