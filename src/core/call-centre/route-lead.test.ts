import { describe, expect, it } from 'vitest'
import { isLeadFor, routeLead } from './route-lead.ts'

const vip = { personalManagerId: 7, branchId: 1 }
const served = { personalManagerId: null, branchId: 1 }
const nowhere = { personalManagerId: null, branchId: null }

describe('routeLead', () => {
  it.each([
    [vip, 'personal_manager'],
    [served, 'branch'],
    [nowhere, 'unrouted'],
  ] as const)('%o → %s', (client, route) => expect(routeLead(client)).toBe(route))
})

describe('isLeadFor', () => {
  it.each([
    ['the personal manager', { id: 7, role: 'manager', branchId: 2 }, vip, true],
    ['another manager of the same branch', { id: 8, role: 'manager', branchId: 1 }, vip, false],
    ['a manager of the branch, an unmanaged client', { id: 8, role: 'manager', branchId: 1 }, served, true],
    ['branch staff of the branch', { id: 9, role: 'branch', branchId: 1 }, served, true],
    ['branch staff of another branch', { id: 9, role: 'branch', branchId: 2 }, served, false],
    ['branch staff, a VIP client', { id: 9, role: 'branch', branchId: 1 }, vip, false],
    ['the head', { id: 1, role: 'head', branchId: null }, nowhere, true],
    ['an operator', { id: 3, role: 'operator', branchId: 1 }, served, false],
  ] as const)('%s → %s', (_name, viewer, client, expected) => expect(isLeadFor(viewer, client)).toBe(expected))
})
