import type { Random } from './create-random.ts'
import {
  FEMALE_NAMES, MALE_NAMES, SURNAMES, TATAR_FEMALE_NAMES, TATAR_MALE_NAMES, TATAR_SURNAMES,
  type FemaleName, type Generation, type MaleName,
} from './russian-names.ts'

export type Gender = 'M' | 'F'

export type RussianFullNameInput = { gender: Gender; birthYear: number; tatar: boolean }

export type RussianFullName = {
  surname: string
  firstName: string
  patronymic: string
  /** 'Фамилия Имя Отчество', the order of Russian documents. */
  fullName: string
}

/** A gendered full name: surname in the right form, a first name of the bearer's generation, and
 * a patronymic made from a father's name of the generation before. */
export function russianFullName(random: Random, input: RussianFullNameInput): RussianFullName {
  const pools = input.tatar && random.chance(0.6) ? TATAR_POOLS : RUSSIAN_POOLS
  const father = random.pick(pools.male[generationOf(input.birthYear - 28)])
  const male = input.gender === 'M'
  const firstName = male ? random.pick(pools.male[generationOf(input.birthYear)])[0] : random.pick(pools.female[generationOf(input.birthYear)])[0]
  const patronymic = male ? father[2] : father[3]
  const surname = male ? random.pick(pools.surnames) : feminineSurname(random.pick(pools.surnames))
  return { surname, firstName, patronymic, fullName: `${surname} ${firstName} ${patronymic}` }
}

/** The feminine form of a masculine surname: Иванов → Иванова, Вишневский → Вишневская;
 * Шевченко and Черных do not change. */
export function feminineSurname(surname: string): string {
  if (/(ск|цк)ий$/.test(surname)) return `${surname.slice(0, -2)}ая`
  if (/ой$/.test(surname)) return `${surname.slice(0, -2)}ая`
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return `${surname}а`
  return surname
}

function generationOf(birthYear: number): Exclude<Generation, 'any'> {
  if (birthYear < 1970) return 'old'
  if (birthYear < 1990) return 'mid'
  return 'young'
}

type Pools = {
  male: Record<Exclude<Generation, 'any'>, readonly MaleName[]>
  female: Record<Exclude<Generation, 'any'>, readonly FemaleName[]>
  surnames: readonly string[]
}

function poolsOf(male: readonly MaleName[], female: readonly FemaleName[], surnames: readonly string[]): Pools {
  const of = <T extends readonly [string, Generation, ...string[]]>(names: readonly T[], generation: Generation) =>
    names.filter((name) => name[1] === generation || name[1] === 'any')
  return {
    male: { old: of(male, 'old'), mid: of(male, 'mid'), young: of(male, 'young') },
    female: { old: of(female, 'old'), mid: of(female, 'mid'), young: of(female, 'young') },
    surnames,
  }
}

const RUSSIAN_POOLS = poolsOf(MALE_NAMES, FEMALE_NAMES, SURNAMES)
const TATAR_POOLS = poolsOf(TATAR_MALE_NAMES, TATAR_FEMALE_NAMES, TATAR_SURNAMES)
