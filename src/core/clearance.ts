import type { Role } from './roles.ts'

// Which role sees which personal field (152-FZ: access only where the work needs it). One table,
// used by the client card, the search results and every export. A field not listed is masked.
export const PERSONAL_FIELDS = ['phone', 'email', 'birth_date', 'address'] as const
export type PersonalField = (typeof PERSONAL_FIELDS)[number]

export const CLEARANCE: Record<Role, readonly PersonalField[]> = {
  head: ['phone', 'email', 'birth_date', 'address'],
  manager: ['phone', 'email', 'birth_date', 'address'],
  client_economist: ['phone', 'email', 'birth_date', 'address'],
  analyst: ['birth_date'],
  program_economist: ['phone', 'email', 'birth_date', 'address'],
  marketer: [],
  // The call centre dials the client and confirms identity by birth date; it sends no letters.
  operator: ['phone', 'birth_date'],
  // Branch staff meet the client in person and check the passport, but do not need contacts.
  branch: ['birth_date'],
  admin: [],
  auditor: [],
}

export function canSee(role: Role, field: PersonalField): boolean {
  return CLEARANCE[role].includes(field)
}
