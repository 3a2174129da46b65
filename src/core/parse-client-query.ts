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

export function parseClientQuery(text: string): ClientQuery {
  const trimmed = text.trim()
  const phone = normalizePhone(trimmed)
  // Only text with a letter can be a name: digits alone would match nothing but cost a scan.
  const namePrefix = /\p{L}/u.test(trimmed) ? trimmed.toLowerCase().replace(/\s+/g, ' ') : undefined
  return { bankId: trimmed, ...(phone && { phone }), ...(namePrefix && { namePrefix }) }
}
