// A client's full name as the base holds it, in the Russian order «Фамилия Имя Отчество», split for
// templates. No declension: the npm libraries for Russian names (petrovich 0.2.1) are unmaintained,
// and the form of address in the nominative («Уважаемый Иван Петрович») is what the bank's letters
// and SMS use. A patronymic is recognised by its ending (-ович, -евич, -ич, -овна, -евна, -ична,
// -инична) or a Turkic «оглы» / «кызы»; a name without one (a foreigner, «Novák Jan») keeps its
// form of address as the full name written in the base — the documented fallback.

export type FullNameParts = {
  lastName: string | null
  firstName: string | null
  patronymic: string | null
}

const PATRONYMIC = /(ович|евич|ич|овна|евна|ична|инична)$/iu
const TURKIC_PATRONYMIC = /^(оглы|кызы|улы|кизи)$/iu

export function splitFullName(fullName: string): FullNameParts {
  const words = fullName.trim().split(/\s+/u).filter((word) => word !== '')
  if (words.length === 0) return { lastName: null, firstName: null, patronymic: null }
  if (words.length === 1) return { lastName: null, firstName: words[0]!, patronymic: null }
  const [lastName, firstName, ...rest] = words as [string, string, ...string[]]
  const patronymic = rest.join(' ')
  const isPatronymic = rest.length > 0 && (PATRONYMIC.test(rest[0]!) || TURKIC_PATRONYMIC.test(rest.at(-1)!))
  if (isPatronymic) return { lastName, firstName, patronymic }
  return { lastName, firstName: rest.length === 0 ? firstName : null, patronymic: null }
}

/** The polite form of address: «Иван Петрович»; without a patronymic, the full name as written. */
export function formOfAddress(fullName: string): string {
  const { firstName, patronymic } = splitFullName(fullName)
  if (firstName && patronymic) return `${firstName} ${patronymic}`
  return fullName.trim().replace(/\s+/gu, ' ')
}
