import { describe, expect, it } from 'vitest'
import { formatExportText } from './client-export-columns.ts'
import { CLIENT_STATUSES } from '../contract/client-statuses.ts'
import { SEGMENTS } from '../contract/segments.ts'

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
    ['gender', 'M', 'ru', 'Мужской'],
    ['segment', 'premium', 'ru', 'Премиум'],
    ['status', 'active', 'ru', 'Активный'],
    ['status', 'churned', 'en', 'Churned'],
    ['segment', '****', 'ru', '****'],
  ] as const)('%s %s in %s → %s', (kind, value, lang, expected) => {
    expect(formatExportText(kind, value, lang)).toBe(expected)
  })

  it('names every segment and status in words in both languages', () => {
    for (const lang of ['ru', 'en'] as const) {
      expect(SEGMENTS.filter((value) => formatExportText('segment', value, lang) === value)).toEqual([])
      expect(CLIENT_STATUSES.filter((value) => formatExportText('status', value, lang) === value)).toEqual([])
    }
  })
})
