import type { PersonalField } from '../contract/personal-fields.ts'
import type { Role } from '../contract/roles.ts'

// Which role sees which personal field (152-FZ: access only where the work needs it). One table,
// used by the client card, the search results, every export and the admin screen (GET /api/roles).
// A field not listed is masked. The names are the client fields of the API.
export const CLEARANCE: Record<Role, readonly PersonalField[]> = {
  head: ['phone', 'email', 'birthDate', 'address'],
  manager: ['phone', 'email', 'birthDate', 'address'],
  client_economist: ['phone', 'email', 'birthDate', 'address'],
  // Age is an analysis variable; contacts are not needed to analyse the base.
  analyst: ['birthDate'],
  program_economist: ['phone', 'email', 'birthDate', 'address'],
  marketer: [],
  // The call centre dials the client and confirms identity by birth date; it sends no letters.
  operator: ['phone', 'birthDate'],
  // Branch staff meet the client in person and check the passport, but do not need contacts.
  branch: ['birthDate'],
  admin: [],
  auditor: [],
}

export function canSee(role: Role, field: PersonalField): boolean {
  return CLEARANCE[role].includes(field)
}
