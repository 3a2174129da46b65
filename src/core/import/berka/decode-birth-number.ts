import { isoDate } from '../parse-date-cell.ts'

/**
 * A Berka (PKDD'99) birth number is the birth date as YYMMDD, with 50 added to the month for women
 * (the Czech rodné číslo convention). All clients of the data set were born in the 1900s.
 */
export function decodeBirthNumber(text: string): { birthDate: string; gender: 'M' | 'F' } | undefined {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(text.trim())
  if (!match) return undefined
  const coded = Number(match[2])
  const gender = coded > 50 ? 'F' : 'M'
  const birthDate = isoDate(1900 + Number(match[1]), gender === 'F' ? coded - 50 : coded, Number(match[3]))
  return birthDate ? { birthDate, gender } : undefined
}
