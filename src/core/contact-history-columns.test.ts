import { describe, expect, it } from 'vitest'
import { formatBankTime, skipReasonWord } from './contact-history-columns.ts'

describe('formatBankTime', () => {
  it.each([
    // 11:05:09 UTC is 14:05:09 in Moscow (UTC+3, no DST since 2014) and 21:05:09 in Vladivostok (+10).
    ['2026-12-03T11:05:09Z', 'Europe/Moscow', 'ru', '03.12.2026 14:05:09'],
    ['2026-12-03T11:05:09Z', 'Europe/Moscow', 'en', '2026-12-03 14:05:09'],
    ['2026-12-03T21:30:00Z', 'Asia/Vladivostok', 'ru', '04.12.2026 07:30:00'],
    ['2026-12-31T21:00:00Z', 'Europe/Moscow', 'ru', '01.01.2027 00:00:00'],
  ] as const)('%s in %s (%s) is %s', (at, zone, lang, text) => {
    expect(formatBankTime(new Date(at), zone, lang)).toBe(text)
  })
})

describe('skipReasonWord', () => {
  it('names a known reason in the language and keeps an unknown code as it is', () => {
    expect(skipReasonWord('consent', 'ru')).toBe('нет согласия')
    expect(skipReasonWord('channel_cap', 'en')).toBe('channel cap')
    expect(skipReasonWord('new_rule', 'ru')).toBe('new_rule')
  })
})
