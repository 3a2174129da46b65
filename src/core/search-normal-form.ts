// The forms in which the client search compares names and bank ids. WARNING: the generated columns
// of migration 0005 (clients.search_name, clients.bank_id_key) are their SQL twins, held equal by
// db/stores/search-normal-form.db.test.ts; change both or neither.

/** Spaces and the punctuation people put in names and initials: «Салтыков-Щедрин», «Абрамов А.В.» */
const NAME_SEPARATORS = /[- \t.,;:'"«»()/]+/g

/** A full name as the search compares it: lower case, ё as е, words split at spaces and punctuation. */
export function searchNameForm(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е').replace(NAME_SEPARATORS, ' ').trim()
}

/** A bank id as the search compares it: upper case, the leading zeros of each number dropped («c-1» is «C-0001»). */
export function bankIdKey(text: string): string {
  return text.toUpperCase().replace(/(^|[^0-9])0+([0-9])/g, '$1$2')
}
