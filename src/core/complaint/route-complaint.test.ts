import { describe, expect, it } from 'vitest'
import { routeComplaint, type ComplaintRoute } from './route-complaint.ts'

const rules: ComplaintRoute[] = [
  { category: 'cards', branchId: null, ownerId: 100 },
  { category: 'cards', branchId: 2, ownerId: 101 },
  { category: 'cards.fraud', branchId: null, ownerId: 102 },
]
const economists = [{ id: 7, branchId: 1 }, { id: 8, branchId: null }, { id: 9, branchId: 2 }]

describe('routeComplaint', () => {
  it.each([
    ['cards.fraud', 2, 102, 'the leaf\'s rule before the branch\'s rule of its top category'],
    ['cards.blocked', 2, 101, 'the top category\'s rule for the branch'],
    ['cards.blocked', 1, 100, 'the top category\'s rule for any branch'],
    ['fees', 1, 7, 'no rule: the branch\'s client economist'],
    ['fees', 3, 8, 'no economist in the branch: the department\'s'],
    ['fees', null, 8, 'no branch: the department\'s'],
  ] as const)('%s in branch %s goes to %i (%s)', (category, branchId, owner, _why) => {
    expect(routeComplaint({ category, branchId, rules, economists })).toBe(owner)
  })

  it('leaves it unowned without rules or economists, and takes any economist when none is the department\'s', () => {
    expect(routeComplaint({ category: 'fees', branchId: 1, rules: [], economists: [] })).toBeNull()
    expect(routeComplaint({ category: 'fees', branchId: 5, rules: [], economists: [{ id: 9, branchId: 2 }] })).toBe(9)
  })
})
