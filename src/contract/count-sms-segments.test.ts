import { describe, expect, it } from 'vitest'
import { countSmsSegments } from './count-sms-segments.ts'

// Known answers: the limits of 3GPP TS 23.038/23.040 (160/153 septets, 70/67 UCS-2 units), and the
// boundary cases the carriers' calculators show (an escape pair or an emoji is never split).
describe('countSmsSegments', () => {
  it('counts a plain Latin text in GSM-7: 160 in one SMS, 161 in two of 153', () => {
    expect(countSmsSegments('a'.repeat(160))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1, left: 0 })
    expect(countSmsSegments('a'.repeat(161))).toMatchObject({ encoding: 'gsm7', units: 161, segments: 2, perSegment: 153, left: 145 })
    expect(countSmsSegments('a'.repeat(306))).toMatchObject({ segments: 2, left: 0 })
    expect(countSmsSegments('a'.repeat(307))).toMatchObject({ segments: 3 })
  })

  it('counts an extension character as two septets and never splits its escape', () => {
    expect(countSmsSegments('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 })
    // 152 septets, then '€' (2) does not fit the first 153-septet segment: it opens the second.
    const count = countSmsSegments(`${'a'.repeat(152)}€${'a'.repeat(10)}`)
    expect(count).toMatchObject({ units: 164, segments: 2, left: 153 - 12 })
  })

  it('switches the whole text to UCS-2 for one Cyrillic letter and names it', () => {
    expect(countSmsSegments('Ваш кредит одобрен')).toMatchObject({ encoding: 'ucs2', units: 18, segments: 1, left: 52 })
    expect(countSmsSegments('б'.repeat(70))).toMatchObject({ segments: 1, left: 0 })
    expect(countSmsSegments('б'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67 })
    expect(countSmsSegments('б'.repeat(134))).toMatchObject({ segments: 2, left: 0 })
    expect(countSmsSegments('б'.repeat(135))).toMatchObject({ segments: 3 })
    expect(countSmsSegments(`${'a'.repeat(100)}«ok» ё`).ucs2Characters).toEqual(['«', '»', 'ё'])
  })

  it('counts an emoji as two UCS-2 units and keeps its pair in one segment', () => {
    expect(countSmsSegments('🙂')).toMatchObject({ encoding: 'ucs2', units: 2, segments: 1, ucs2Characters: ['🙂'] })
    // 66 units, then the emoji (2) does not fit the 67-unit segment.
    expect(countSmsSegments(`${'ж'.repeat(66)}🙂${'ж'.repeat(5)}`)).toMatchObject({ units: 73, segments: 2, left: 67 - 7 })
  })

  it('keeps the GSM letters that look foreign (é, Ä, Δ) in GSM-7, and counts an empty text as no segment', () => {
    expect(countSmsSegments('Café Äpfel Δ £5 @home').encoding).toBe('gsm7')
    expect(countSmsSegments('ç').encoding).toBe('ucs2') // only the capital Ç is in the alphabet
    expect(countSmsSegments('')).toMatchObject({ units: 0, segments: 0 })
  })
})
