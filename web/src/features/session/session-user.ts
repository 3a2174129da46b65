import type { Role } from '../../../../src/contract/roles.ts'

export { ROLES, type Role } from '../../../../src/contract/roles.ts'

/** The signed-in user, as GET /api/auth/me answers. */
export type SessionUser = { id: number; login: string; fullName: string; role: Role; branchId: number | null }
