import { describe, expect, it } from 'vitest'
import { splitByTime } from './split-by-time.ts'

describe('splitByTime', () => {
  it('tests on the latest rows, whatever their order in the file', () => {
    expect(splitByTime({ times: [5, 1, 4, 2, 3, 9, 8, 7, 6, 10], testShare: 0.3 })).toEqual({ train: [0, 1, 2, 3, 4, 7, 8], test: [5, 6, 9] })
  })

  it('moves rows at the cut\'s time into the test, so no test row is as old as a training row', () => {
    // Six rows at time 2: the latest 3 rows would split them; all of them go to the test.
    const split = splitByTime({ times: [1, 1, 1, 1, 2, 2, 2, 2, 2, 2], testShare: 0.3 })
    expect(split).toEqual({ train: [0, 1, 2, 3], test: [4, 5, 6, 7, 8, 9] })
  })

  it('is undefined when every row would be a test row', () => {
    expect(splitByTime({ times: [3, 3, 3, 3], testShare: 0.3 })).toBeUndefined()
  })
})
