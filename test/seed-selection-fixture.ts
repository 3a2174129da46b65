import { sql } from 'kysely'
import { refreshProfile } from '../src/app/selection/refresh-profile.ts'
import type { Database } from '../src/db/open-database.ts'
import { createTestUser } from './build-test-server.ts'
import { seedWebFixture } from './seed-web-fixture.ts'

// The web fixture's eight clients plus a few dozen more with what selections and waves read:
// products, consents (some withdrawn), recent contacts, a complaint, a do-not-contact flag, a
// couple of churned clients. Deterministic: the same clients every run. Dates count back from
// `today`, because the server builds waves for the real today.

const SURNAMES = ['Волков', 'Зайцев', 'Морозов', 'Орлов', 'Егоров', 'Федоров', 'Никитин', 'Соловьёв', 'Тихонов', 'Белов', 'Комаров', 'Киселёв', 'Макаров']
const FIRST_M = ['Андрей', 'Павел', 'Михаил', 'Артём', 'Роман', 'Денис', 'Кирилл']
const FIRST_F = ['Ирина', 'Татьяна', 'Юлия', 'Наталья', 'Светлана', 'Вера', 'Ксения']
const PATRONYMIC_M = ['Андреевич', 'Сергеевич', 'Павлович', 'Игоревич']
const PATRONYMIC_F = ['Андреевна', 'Сергеевна', 'Павловна', 'Игоревна']
const SEGMENTS = ['mass', 'mass', 'mass', 'mass_affluent', 'mass_affluent', 'premium'] as const
const EXTRA_CLIENTS = 52

export type SelectionFixture = { clients: number; today: string }

/** A number sequence from a seed (a linear congruential generator): no Math.random in fixtures. */
function sequence(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

export async function seedSelectionFixture(db: Database, today = new Date().toISOString().slice(0, 10)): Promise<SelectionFixture> {
  await seedWebFixture(db)
  await createTestUser(db, 'analyst')
  await createTestUser(db, 'head')
  await createTestUser(db, 'program_economist')
  await sql`UPDATE users SET full_name = 'Смирнова Ирина Олеговна' WHERE login = 'analyst'`.execute(db.kysely)
  await sql`UPDATE users SET full_name = 'Громов Виктор Андреевич' WHERE login = 'head'`.execute(db.kysely)
  const k = db.kysely
  const branches = await k.selectFrom('branches').select(['id', 'code', 'region_code']).orderBy('code').execute()
  const random = sequence(2025)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const daysAgo = (days: number) => new Date(Date.parse(`${today}T10:00:00Z`) - days * 86_400_000).toISOString()

  for (let i = 0; i < EXTRA_CLIENTS; i++) {
    const female = random() < 0.5
    const surname = pick(SURNAMES) + (female ? 'а' : '')
    const name = `${surname} ${female ? pick(FIRST_F) : pick(FIRST_M)} ${female ? pick(PATRONYMIC_F) : pick(PATRONYMIC_M)}`
    const branch = pick(branches)
    const segment = pick(SEGMENTS)
    const income = Math.round((segment === 'premium' ? 300_000 : segment === 'mass_affluent' ? 140_000 : 45_000) * (0.6 + random()))
    const status = i % 17 === 5 ? 'churned' : 'active'
    const row = await k
      .insertInto('clients')
      .values({
        bank_id: String(3_000_001 + i),
        full_name: name,
        birth_date: `${1955 + Math.floor(random() * 45)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
        gender: female ? 'F' : 'M',
        phone: `79${String(100_000_000 + Math.floor(random() * 899_999_999))}`,
        email: `client${3_000_001 + i}@mail.example`,
        region_code: branch.region_code,
        branch_id: branch.id,
        client_since: `${2005 + Math.floor(random() * 19)}-0${1 + Math.floor(random() * 9)}-01`,
        monthly_income: income,
        segment,
        vip: segment === 'premium' && random() < 0.4,
        status,
        do_not_contact: i % 13 === 7,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const id = row.id
    // A debit card for most, a deposit for some, a credit card for a few: the penetration of DOMAIN.md.
    const holdings: { product_code: string; balance: number; credit_limit: number | null }[] = []
    if (random() < 0.85) holdings.push({ product_code: 'DC_SALARY', balance: Math.round(income * random()), credit_limit: null })
    if (random() < 0.35) holdings.push({ product_code: 'TD_12M', balance: Math.round(income * 6 * (1 + random())), credit_limit: null })
    if (random() < 0.25) holdings.push({ product_code: 'CC_CLASSIC', balance: -Math.round(20_000 * random()), credit_limit: 150_000 })
    for (const [j, h] of holdings.entries()) {
      await k
        .insertInto('holdings')
        .values({ client_id: id, account_no: `408178100${3_000_001 + i}${j}`, product_code: h.product_code, opened_at: daysAgo(200 + Math.floor(random() * 3000)).slice(0, 10), balance: h.balance, credit_limit: h.credit_limit })
        .execute()
    }
    for (const channel of ['email', 'sms', 'call', 'letter'] as const) {
      const share = { email: 0.75, sms: 0.65, call: 0.45, letter: 0.9 }[channel]
      if (random() >= share) continue
      await k.insertInto('consents').values({ client_id: id, channel, granted: true, effective_at: daysAgo(400 + i), source: 'анкета в ЦБУ' }).execute()
      // Some withdraw it later: the current consent is the latest record.
      if (random() < 0.1) await k.insertInto('consents').values({ client_id: id, channel, granted: false, effective_at: daysAgo(30 + i), source: 'звонок в колл-центр' }).execute()
    }
    // Two e-mails this week reach the e-mail cap of the default policy (2 in 7 days).
    if (i % 4 === 1) {
      await k.insertInto('contacts').values([2, 4].map((days) => ({ client_id: id, channel: 'email', sent_at: daysAgo(days), status: 'sent' }))).execute()
    }
    if (i % 11 === 3) await k.insertInto('complaints').values({ client_id: id, received_at: daysAgo(10) }).execute()
  }
  // The program of the browser test, with a fixed seed: the same clients land in control every run.
  await k.insertInto('programs').values({ code: 'XSELL_CC', name: 'Кредитная карта зарплатным клиентам', seed: 'xsell-cc-2026' }).execute()
  await refreshProfile(db, today)
  const total = await k.selectFrom('clients').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return { clients: Number(total.n), today }
}
