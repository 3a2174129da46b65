import type { Role } from '../session/session-user.ts'

export type User = { id: number; login: string; fullName: string; role: Role; branchId: number | null; active: boolean }
export type NewUser = { login: string; fullName: string; role: Role; password: string; branchId?: number | null }
export type UserChange = { fullName?: string; role?: Role; active?: boolean; password?: string; branchId?: number | null }
export type RoleClearance = { role: Role; personalFields: string[] }
