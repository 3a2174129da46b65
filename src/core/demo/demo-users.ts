import type { Role } from '../../contract/roles.ts'
import { createRandom } from './create-random.ts'
import { DEMO_REGIONS } from './demo-regions.ts'
import { russianFullName } from './russian-full-name.ts'

export const DEMO_PASSWORD = 'demo'

export type DemoUser = {
  login: string
  fullName: string
  role: Role
  /** The branch the user works at, by code; null for head-office staff. */
  branchCode: string | null
  /** Personal managers serve the VIP clients of their region. */
  personalManagerOf: string | null
}

// One demo user per role, login = role name (the contract of issue 2).
const ROLE_USERS: readonly (readonly [Role, string, string | null])[] = [
  ['head', 'Соколова Марина Викторовна', null],
  ['manager', 'Лебедев Павел Андреевич', null],
  ['client_economist', 'Орлова Екатерина Сергеевна', null],
  ['analyst', 'Ким Денис Олегович', null],
  ['program_economist', 'Захаров Илья Николаевич', null],
  ['marketer', 'Белова Анна Дмитриевна', null],
  ['operator', 'Гусева Ольга Петровна', null],
  ['branch', 'Никитин Сергей Владимирович', '77-01'],
  ['admin', 'Фомин Алексей Игоревич', null],
  ['auditor', 'Титова Наталья Юрьевна', null],
]

/** About one personal manager per 4,000 clients (8 to 40), spread over the regions by their size. */
export function personalManagerCount(clients: number): number {
  return Math.min(40, Math.max(8, Math.round(clients / 4_000)))
}

/**
 * The demo users: one per role, then the personal managers (role manager, logins pm01, pm02, …),
 * at least one in each region, placed at the region's main branch. Their names do not depend on
 * the bank's seed.
 */
export function demoUsers(clients: number): DemoUser[] {
  const users: DemoUser[] = ROLE_USERS.map(([role, fullName, branchCode]) => ({ login: role, fullName, role, branchCode, personalManagerOf: null }))
  const total = personalManagerCount(clients)
  const random = createRandom(0x504d)
  let n = 0
  for (const region of DEMO_REGIONS) {
    const count = Math.max(1, Math.round(total * region.weight))
    for (let i = 0; i < count; i++) {
      n++
      const name = russianFullName(random, { gender: random.chance(0.6) ? 'F' : 'M', birthYear: random.int(1975, 1995), tatar: region.code === '16' })
      users.push({
        login: `pm${String(n).padStart(2, '0')}`,
        fullName: name.fullName,
        role: 'manager',
        branchCode: `${region.code}-01`,
        personalManagerOf: region.code,
      })
    }
  }
  return users
}
