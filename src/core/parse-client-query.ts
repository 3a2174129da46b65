import type { PersonalField } from '../contract/personal-fields.ts'
import { normalizePhone } from './normalize-phone.ts'
import { bankIdKey, searchNameForm } from './search-normal-form.ts'

/**
 * What one search box text can mean, as people type it. The client search matches any of them:
 * the bank id (any case, zeros dropped), the phone in any format or by its last digits, the
 * e-mail, or a name whose words each start with one of the typed words, in any order («Абрамов А.»,
 * «Александр Абрамов», «Семенова» for «Семёнова»).
 */
export type ClientQuery = {
  /** The text as a bank id key (core/search-normal-form.ts). */
  bankIdKey: string
  /** 79123456789 when the text can be a whole phone number in any common format. */
  phone?: string
  /** The digits of a number typed by its end («645-13-52»): 5 to 10 digits. */
  phoneEnd?: string
  /** The lower-cased text, when it has an @. */
  email?: string
  /** The typed words in search form; a name matches when each starts one of its words. */
  nameWords?: string[]
}

/** At most this many words of a name are matched: a name has three, four with a double surname. */
const MAX_NAME_WORDS = 5

/**
 * Reads the search text as the viewer may search it. A personal field is searched only by a role
 * cleared to see it (core/clearance.ts): finding a client by a phone number or an e-mail tells its
 * owner, so for a role that sees them masked the text is never read as one.
 */
export function parseClientQuery(text: string, cleared: readonly PersonalField[]): ClientQuery {
  const trimmed = text.trim()
  const query: ClientQuery = { bankIdKey: bankIdKey(trimmed) }
  if (cleared.includes('phone')) {
    const phone = normalizePhone(trimmed)
    const digits = trimmed.replace(/\D/g, '')
    if (phone) query.phone = phone
    else if (/^[+\d\s()\-.]+$/.test(trimmed) && digits.length >= 5 && digits.length <= 10) query.phoneEnd = digits
  }
  if (cleared.includes('email') && trimmed.includes('@')) query.email = trimmed.toLowerCase()
  // Only text with a letter can be a name: digits alone would match nothing but cost a scan.
  if (/\p{L}/u.test(trimmed)) {
    const words = searchNameForm(trimmed).split(' ').filter((word) => word !== '')
    if (words.length > 0) query.nameWords = words.slice(0, MAX_NAME_WORDS)
  }
  return query
}
