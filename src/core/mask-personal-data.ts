import { canSee } from './clearance.ts'
import { PERSONAL_FIELDS, type PersonalField } from '../contract/personal-fields.ts'
import type { Role } from '../contract/roles.ts'

export type PersonalData = { [K in PersonalField]?: string | null }

/** Masks what the role may not see; keeps enough shape to tell a value exists. */
export function maskPersonalData<T extends PersonalData>(role: Role, record: T): T {
  const masked: T = { ...record }
  for (const field of PERSONAL_FIELDS) {
    const value = record[field]
    if (value == null || canSee(role, field)) continue
    masked[field] = maskPersonalValue(field, value) as T[typeof field]
  }
  return masked
}

/** The masked form of one value of a personal field. */
export function maskPersonalValue(field: PersonalField, value: string): string {
  switch (field) {
    case 'phone':
      return `${value.slice(0, 1)}******${value.slice(-2)}`
    case 'email': {
      const at = value.indexOf('@')
      return at > 0 ? `${value[0]}***@***` : '***'
    }
    case 'birthDate':
      return '****-**-**'
    case 'address':
      return '***'
  }
}
