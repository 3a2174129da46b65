import { describe, expect, it } from 'vitest'
import { assignCallTasks } from './assign-call-tasks.ts'
import { callPriority } from './call-priority.ts'

const tasks = (priorities: number[]) => priorities.map((priority, i) => ({ clientId: i + 1, priority }))

describe('assignCallTasks', () => {
  it.each([
    // Hand-dealt: priorities 9,8,7,6,5 to A (cap 3) and B (cap 2): A takes 9 (3>2), then both have
    // 2 → the lower id A takes 8? no: A has 2 left, B has 2: tie → A (id 1) takes 8, then B (2>1) 7,
    // then A and B 1 each → A 6, B 5.
    ['by capacity left, ties to the lower id', tasks([9, 8, 7, 6, 5]), [{ operatorId: 1, capacity: 3 }, { operatorId: 2, capacity: 2 }], [[1, 1], [2, 1], [3, 2], [4, 1], [5, 2]]],
    ['beyond the total capacity to the pool', tasks([1, 2, 3]), [{ operatorId: 7, capacity: 2 }], [[3, 7], [2, 7], [1, null]]],
    ['no operators: all to the pool', tasks([5, 5]), [], [[1, null], [2, null]]],
    ['equal priorities by client id', tasks([5, 5, 5]), [{ operatorId: 1, capacity: 1 }, { operatorId: 2, capacity: 0 }], [[1, 1], [2, null], [3, null]]],
  ] as const)('%s', (_name, list, operators, expected) => {
    expect(assignCallTasks(list, operators).map((t) => [t.clientId, t.operatorId])).toEqual(expected)
  })
})

describe('callPriority', () => {
  it.each([
    [{ vip: true, propensityScore: 0.5, segment: 'premium' }, 1000 + 200 + 50],
    [{ vip: false, propensityScore: null, segment: 'mass' }, 0],
    [{ vip: false, propensityScore: 1.7, segment: 'mass_affluent' }, 199],
    [{ vip: false, propensityScore: 0.123, segment: 'private' }, 312],
  ])('%o → %d', (input, expected) => {
    expect(callPriority(input)).toBe(expected)
  })
})
