import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Role } from '../../contract/roles.ts'
import type { Schema } from '../../db/schema.ts'
import { branchExists } from '../../db/stores/reference-store.ts'

/** Branch staff belong to a branch; any user's branch must exist. */
export async function checkBranchOfUser(db: Kysely<Schema>, user: { role: Role; branchId: number | null }): Promise<void> {
  if (user.role === 'branch' && user.branchId === null) {
    throw new DomainError('invalid_input', 'branchId: branch staff need their branch', reason('user.branch_required', { path: 'branchId' }))
  }
  if (user.branchId !== null && !(await branchExists(db, user.branchId))) {
    throw new DomainError('invalid_input', `branchId: no branch ${user.branchId}`, reason('user.unknown_branch', { path: 'branchId', branchId: user.branchId }))
  }
}
