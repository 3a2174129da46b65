import type { Role } from '../contract/roles.ts'

// Which clients a user works with. Branch staff serve the clients of their own branch (152-FZ:
// access only where the work needs it); a bank may widen that to the branch's region or the whole
// bank with the `branch_staff_scope` setting. Every other role that reads clients sees the bank.

export const BRANCH_STAFF_SCOPES = ['branch', 'region', 'bank'] as const
export type BranchStaffScope = (typeof BRANCH_STAFF_SCOPES)[number]

/** What a bank without the setting gets: the narrowest scope. */
export const DEFAULT_BRANCH_STAFF_SCOPE: BranchStaffScope = 'branch'

export type ClientScope =
  | { kind: 'bank' }
  | { kind: 'branch'; branchId: number }
  /** The clients of every branch in the region of this branch. */
  | { kind: 'region'; branchId: number }
  /** A branch user with no branch: nobody, until the admin assigns one. */
  | { kind: 'none' }

export function clientScopeOf(viewer: { role: Role; branchId: number | null }, setting: BranchStaffScope): ClientScope {
  if (viewer.role !== 'branch' || setting === 'bank') return { kind: 'bank' }
  if (viewer.branchId === null) return { kind: 'none' }
  return { kind: setting, branchId: viewer.branchId }
}

export function isBranchStaffScope(value: unknown): value is BranchStaffScope {
  return typeof value === 'string' && (BRANCH_STAFF_SCOPES as readonly string[]).includes(value)
}
