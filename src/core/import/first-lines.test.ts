import { describe, expect, it } from 'vitest'
import { FirstLines } from './first-lines.ts'

describe('FirstLines', () => {
  it('answers the first line of a key seen before, and nothing for a new key', () => {
    const lines = new FirstLines(2)
    expect(lines.seen('C1', 2)).toBeUndefined()
    expect(lines.seen('C2', 3)).toBeUndefined()
    expect(lines.seen('C1', 4)).toBe(2)
    expect(lines.seen('C1', 5)).toBe(2)
    expect(lines.seen('c1', 6)).toBeUndefined()
    expect(lines.size).toBe(3)
  })

  it('keeps every key through growth, with no false duplicates among 200,000 keys', () => {
    const lines = new FirstLines()
    for (let i = 0; i < 200_000; i++) expect(lines.seen(`BENCH-${i}\u0001sms`, i + 2)).toBeUndefined()
    for (let i = 0; i < 200_000; i += 997) expect(lines.seen(`BENCH-${i}\u0001sms`, 1_000_000)).toBe(i + 2)
    expect(lines.size).toBe(200_000)
  })
})
