import type { Role } from '../../contract/roles.ts'

/** Who plans or moves a program: a signed-in user, or the CLI (no id, no role: it may create and read, not decide). */
export type ProgramActor = { id: number | null; login: string; role: Role | null }
