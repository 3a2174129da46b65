import type { PersonalField } from './clearance.ts'
import { normalizePhone } from './normalize-phone.ts'

/**
 * What one search box text can mean. The client search matches any of them:
 * the bank id exactly, the phone after normalisation, or the start of a name word.
 */
export type ClientQuery = {
  bankId: string
  /** 79123456789 when the text can be a phone number in any common format. */
  phone?: string
  /** Lower-case, single-spaced; a prefix of the full name or of a later part of it. */
  namePrefix?: string
}

/**
 * Reads the search text as the viewer may search it. A personal field is searched only by a role
 * cleared to see it (core/clearance.ts): finding a client by a full phone number tells its owner,
 * so for a role that sees phones masked the text is never read as a phone.
 */
export function parseClientQuery(text: string, cleared: readonly PersonalField[]): ClientQuery {
  const trimmed = text.trim()
  const phone = cleared.includes('phone') ? normalizePhone(trimmed) : undefined
  // Only text with a letter can be a name: digits alone would match nothing but cost a scan.
  const namePrefix = /\p{L}/u.test(trimmed) ? trimmed.toLowerCase().replace(/\s+/g, ' ') : undefined
  return { bankId: trimmed, ...(phone && { phone }), ...(namePrefix && { namePrefix }) }
}
