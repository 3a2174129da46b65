export type GuessedEncoding = 'utf-8' | 'windows-1251'

export type Utf8Evidence = { valid: number; invalid: number }

/**
 * Counts the multi-byte UTF-8 characters and the bytes that cannot be UTF-8 in a sample. A
 * sequence cut by the sample's end is left out, unless the sample is the end of the file.
 */
export function countUtf8Evidence(bytes: Uint8Array, atEnd: boolean): Utf8Evidence {
  let valid = 0
  let invalid = 0
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    if (length === 0) {
      invalid++
      i++
      continue
    }
    if (i + length > n) {
      if (atEnd) invalid++
      break
    }
    if (isSequence(bytes, i, length)) {
      valid++
      i += length
    } else {
      invalid++
      i++
    }
  }
  return { valid, invalid }
}

/**
 * The encoding of a Russian text file from a sample of its bytes (from the first non-ASCII byte,
 * the header included): UTF-8 when its multi-byte characters are at least as many as the bytes
 * that cannot be UTF-8, else Windows-1251. Windows-1251 Cyrillic almost never forms UTF-8 (a
 * capital letter followed by ё or » now and then), so one stray byte in a UTF-8 file no longer
 * turns the whole file into Windows-1251: that row is rejected instead. On a tie UTF-8 wins,
 * because a wrong UTF-8 shows (the bytes do not decode and the rows are rejected) while a wrong
 * Windows-1251 silently garbles every name.
 */
export function guessEncoding(sample: Uint8Array, atEnd: boolean): GuessedEncoding {
  const { valid, invalid } = countUtf8Evidence(sample, atEnd)
  return valid >= invalid ? 'utf-8' : 'windows-1251'
}

function isSequence(bytes: Uint8Array, i: number, length: number): boolean {
  const lead = bytes[i]
  const second = bytes[i + 1]
  // The lead byte narrows the second byte's range: no overlong forms, no surrogates, nothing past U+10FFFF.
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf
  if (second < low || second > high) return false
  for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false
  return true
}
