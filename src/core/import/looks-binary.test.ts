import { describe, expect, it } from 'vitest'
import { looksBinary } from './looks-binary.ts'

describe('looksBinary', () => {
  it('passes text in any encoding, with tabs and line breaks', () => {
    expect(looksBinary(Buffer.from('a;b\r\n1\t2\n'))).toBe(false)
    expect(looksBinary(Buffer.from('Иванов;Иван\n', 'utf8'))).toBe(false)
    expect(looksBinary(Buffer.from([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2, 0x3b, 0x0a]))).toBe(false) // Иванов; in 1251
    expect(looksBinary(Buffer.alloc(0))).toBe(false)
  })

  it('refuses NUL bytes and many control characters', () => {
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe(true) // PNG
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => ((i * 7919) % 251) + 1))
    expect(looksBinary(random)).toBe(true)
  })
})
