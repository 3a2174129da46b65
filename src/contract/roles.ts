// The department's roles (DESIGN.md "Who uses it"). A user has exactly one.
export const ROLES = [
  'head',
  'manager',
  'client_economist',
  'analyst',
  'program_economist',
  'marketer',
  'operator',
  'branch',
  'admin',
  'auditor',
] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
