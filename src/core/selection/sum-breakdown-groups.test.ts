import { describe, expect, it } from 'vitest'
import { sumBreakdownGroups, type BreakdownGroup } from './sum-breakdown-groups.ts'

const none = { email: 0, sms: 0, call: 0, letter: 0 }

describe('sumBreakdownGroups', () => {
  it('sums segments, regions and reachable channels over the groups (hand count)', () => {
    const groups: BreakdownGroup[] = [
      { segment: 'mass', region: '77', count: 10, reachable: { email: 6, sms: 3, call: 0, letter: 1 } },
      { segment: 'mass', region: null, count: 2, reachable: { ...none, sms: 2 } },
      { segment: 'premium', region: '77', count: 5, reachable: { email: 5, sms: 1, call: 1, letter: 0 } },
      { segment: 'private', region: '78', count: 0, reachable: none },
    ]
    expect(sumBreakdownGroups(groups)).toEqual({
      count: 17,
      bySegment: [{ key: 'mass', count: 12 }, { key: 'premium', count: 5 }],
      byRegion: [{ key: '77', count: 15 }, { key: null, count: 2 }],
      reachable: { email: 11, sms: 6, call: 1, letter: 1 },
    })
  })

  it('gives an empty breakdown for no groups', () => {
    expect(sumBreakdownGroups([])).toEqual({ count: 0, bySegment: [], byRegion: [], reachable: none })
  })
})
