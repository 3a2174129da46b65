import { describe, expect, it } from 'vitest'
import { countSmsTemplateSegments } from './count-sms-template-segments.ts'
import { offerTemplateEngine } from './offer-template-engine.ts'

const count = (text: string) => countSmsTemplateSegments(offerTemplateEngine('ru', false).parse(text))

// Known answers by hand: GSM-7 is 160 in one SMS and 153 per segment; UCS-2 is 70 and 67 (TS 23.040).
describe('countSmsTemplateSegments', () => {
  it.each([
    ['static GSM-7 text, 160 characters: one SMS', 'a'.repeat(160), 'gsm7', 160, 1],
    ['static GSM-7 text, 161 characters: two segments', 'a'.repeat(161), 'gsm7', 161, 2],
    ['a field counts as empty', `${'a'.repeat(160)}{{ client.first_name }}`, 'gsm7', 160, 1],
    ['Cyrillic static text: UCS-2, 67 per segment', 'я'.repeat(67 * 10), 'ucs2', 670, 10],
    ['one more Cyrillic letter: 11 segments', 'я'.repeat(67 * 10 + 1), 'ucs2', 671, 11],
    ['an if block is left out, both branches', `${'я'.repeat(70)}{% if client.segment %}${'я'.repeat(700)}{% else %}${'я'.repeat(700)}{% endif %}`, 'ucs2', 70, 1],
    ['a for loop is left out', `Да{% for i in (1..50) %}${'я'.repeat(100)}{% endfor %}`, 'ucs2', 2, 1],
    ['whitespace a tag trims is not counted', `я   {{- client.first_name -}}   я`, 'ucs2', 2, 1],
  ])('%s', (_what, text, encoding, units, segments) => {
    expect(count(text)).toMatchObject({ encoding, units, segments })
  })
})
