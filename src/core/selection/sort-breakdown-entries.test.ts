import { describe, expect, it } from 'vitest'
import { sortBreakdownEntries } from './sort-breakdown-entries.ts'

describe('sortBreakdownEntries', () => {
  it.each([
    { name: 'larger count first', input: [{ key: 'a', count: 1 }, { key: 'b', count: 5 }], expected: ['b', 'a'] },
    { name: 'ties by key', input: [{ key: 'SPB', count: 2 }, { key: 'MSK', count: 2 }], expected: ['MSK', 'SPB'] },
    { name: 'no key last among ties', input: [{ key: null, count: 2 }, { key: 'NSK', count: 2 }, { key: 'MSK', count: 1 }], expected: ['NSK', null, 'MSK'] },
  ])('$name', ({ input, expected }) => {
    expect(sortBreakdownEntries<string | null>(input).map((e) => e.key)).toEqual(expected)
  })
})
