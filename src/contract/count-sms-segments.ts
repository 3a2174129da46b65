// How many SMS segments a text takes, as the GSM network bills it (3GPP TS 23.038 for the
// alphabet, TS 23.040 for concatenation). A text written only in the GSM 7-bit default alphabet
// (with its extension table) goes as 7-bit septets: 160 in one SMS, 153 per segment once split,
// because the 6-byte concatenation header (UDH) takes 7 septets. Any other character — Cyrillic,
// «ёлочки», an emoji — switches the whole message to UCS-2: 70 UTF-16 code units in one SMS, 67
// per segment. An extension-table character (€ [ ] { } ^ ~ \ | and form feed) is an escape plus a
// septet, two septets that a segment boundary never separates; a surrogate pair (an emoji) is
// never split across UCS-2 segments either.

/** The GSM 7-bit default alphabet (TS 23.038 §6.2.1), without ESC (0x1B), which only introduces the extension table. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
)
/** The extension table (TS 23.038 §6.2.1.1): each costs two septets (ESC + the character). */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€')

export const SMS_LIMITS = {
  gsm7: { single: 160, perSegment: 153 },
  ucs2: { single: 70, perSegment: 67 },
} as const

/** Longer messages are refused (issue 8: an SMS over 10 segments is an error, not a bill). */
export const SMS_MAX_SEGMENTS = 10

export type SmsEncoding = keyof typeof SMS_LIMITS

export type SmsCount = {
  encoding: SmsEncoding
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number
  segments: number
  /** Units one segment holds at this length: 160/70 for a single SMS, 153/67 once split. */
  perSegment: number
  /** Units left in the last segment before the next one starts. */
  left: number
  /** The characters (each once, in order of appearance) that forced UCS-2; empty for GSM-7. */
  ucs2Characters: string[]
}

export function countSmsSegments(text: string): SmsCount {
  const characters = [...text]
  const ucs2Characters = [...new Set(characters.filter((c) => !GSM_BASIC.has(c) && !GSM_EXTENSION.has(c)))]
  const encoding: SmsEncoding = ucs2Characters.length > 0 ? 'ucs2' : 'gsm7'
  // Each character's width: septets in GSM-7, code units in UCS-2.
  const widths = characters.map((c) => (encoding === 'gsm7' ? (GSM_EXTENSION.has(c) ? 2 : 1) : c.length))
  const units = widths.reduce((sum, width) => sum + width, 0)
  const limits = SMS_LIMITS[encoding]
  if (units === 0) return { encoding, units, segments: 0, perSegment: limits.single, left: limits.single, ucs2Characters }
  if (units <= limits.single) return { encoding, units, segments: 1, perSegment: limits.single, left: limits.single - units, ucs2Characters }
  // Fill segments character by character: a two-unit character that does not fit starts the next one.
  let segments = 1
  let used = 0
  for (const width of widths) {
    if (used + width > limits.perSegment) {
      segments += 1
      used = 0
    }
    used += width
  }
  return { encoding, units, segments, perSegment: limits.perSegment, left: limits.perSegment - used, ucs2Characters }
}
