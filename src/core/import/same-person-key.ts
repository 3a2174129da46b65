// The same person under two bank ids: one full name (case, ё/е and spacing aside), one birth date,
// one phone. A likely duplicate to report, never a rejection: namesakes born the same day who share
// a phone exist (a family's landline), and only the bank can tell. The SQL twin (the same
// normalisation of the stored name) is in db/stores/same-person-store.ts.

export type Person = { fullName: string; birthDate: string; phone: string }

/** The name as compared: lower case, ё as е, single spaces. */
export function samePersonName(fullName: string): string {
  return fullName.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim()
}

export function samePersonKey(person: Person): string {
  return `${samePersonName(person.fullName)}\u0001${person.birthDate}\u0001${person.phone}`
}
