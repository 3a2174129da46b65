import { sql } from 'kysely'
import type { Database } from '../src/db/open-database.ts'
import type { ClientStatus } from '../src/contract/client-statuses.ts'
import type { Segment } from '../src/contract/segments.ts'

/** The clients of the client 360 tests, by bank id. */
export type ClientBase = { ids: Record<string, number>; branchIds: Record<'MSK' | 'EKB', number>; managerId: number }

type ClientSeed = {
  bankId: string
  fullName: string
  phone: string | null
  email: string | null
  birthDate: string | null
  branch: 'MSK' | 'EKB' | null
  segment?: Segment
  vip?: boolean
  status?: ClientStatus
  income?: number
}

// Names chosen so that a prefix hits surnames, first names and patronymics ("иван" hits all four
// Russian clients: Иванов, Иваненко, Ивановна, Иванович), and a Latin name has a later word.
export const CLIENT_SEEDS: ClientSeed[] = [
  { bankId: 'C-0001', fullName: 'Иванов Иван Петрович', phone: '79123456789', email: 'ivanov@mail.ru', birthDate: '1980-05-17', branch: 'MSK', income: 85000.5 },
  { bankId: 'C-0002', fullName: 'Петрова Анна Ивановна', phone: '79031112233', email: 'petrova@yandex.ru', birthDate: '1975-01-02', branch: 'EKB', segment: 'premium', vip: true, income: 420000 },
  { bankId: 'C-0003', fullName: 'Сидоров Пётр Иванович', phone: '79260000001', email: null, birthDate: '1990-12-31', branch: 'MSK', status: 'churned' },
  { bankId: 'C-0004', fullName: 'Иваненко Ольга Сергеевна', phone: null, email: 'olga@example.ru', birthDate: null, branch: 'EKB', segment: 'mass_affluent' },
  { bankId: 'C-0005', fullName: 'Smith John', phone: '447700900123', email: 'john@example.com', birthDate: '1970-07-07', branch: null },
]

/** Small direct inserts: two regions and branches, three products, five clients, one card's history. */
export async function seedClientBase(db: Database): Promise<ClientBase> {
  const k = db.kysely
  await sql`
    INSERT INTO regions (code, name) VALUES ('77', 'Москва'), ('66', 'Свердловская область') ON CONFLICT (code) DO NOTHING;
    INSERT INTO branches (code, name, region_code, city) VALUES
      ('MSK', 'ЦБУ «Тверская»', '77', 'Москва'), ('EKB', 'ЦБУ «Уралмаш»', '66', 'Екатеринбург');
    INSERT INTO products (code, type, name, ftp_rate, client_rate) VALUES
      ('DC', 'debit_card', 'Дебетовая карта', NULL, NULL),
      ('TD12', 'term_deposit', 'Вклад 12 месяцев', 0.16, 0.12),
      ('CC', 'credit_card', 'Кредитная карта', 0.14, 0.29);
  `.execute(k)
  const branches = await k.selectFrom('branches').select(['id', 'code']).execute()
  const branchIds = Object.fromEntries(branches.map((b) => [b.code, b.id])) as ClientBase['branchIds']
  const manager = await k
    .insertInto('users')
    .values({ login: 'pm', full_name: 'Орлова Вера', role: 'manager', password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const ids: Record<string, number> = {}
  for (const c of CLIENT_SEEDS) {
    const row = await k
      .insertInto('clients')
      .values({
        bank_id: c.bankId,
        full_name: c.fullName,
        phone: c.phone,
        email: c.email,
        birth_date: c.birthDate,
        address: c.branch ? 'г. Москва, ул. Тверская, д. 7' : null,
        branch_id: c.branch ? branchIds[c.branch] : null,
        region_code: c.branch === 'EKB' ? '66' : c.branch === 'MSK' ? '77' : null,
        segment: c.segment ?? 'mass',
        vip: c.vip ?? false,
        status: c.status ?? 'active',
        client_since: '2015-03-01',
        monthly_income: c.income ?? null,
        personal_manager_id: c.vip ? manager.id : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids[c.bankId] = row.id
  }
  await seedCardHistory(db, ids['C-0002']!)
  return { ids, branchIds, managerId: manager.id }
}

async function seedCardHistory(db: Database, clientId: number): Promise<void> {
  await sql`
    INSERT INTO holdings (client_id, account_no, product_code, opened_at, closed_at, balance, credit_limit) VALUES
      (${clientId}, '40817810000000000001', 'DC', '2015-03-01', NULL, 12500.75, NULL),
      (${clientId}, '42305810000000000002', 'TD12', '2024-02-10', NULL, 1500000, NULL),
      (${clientId}, '40817810000000000003', 'CC', '2019-06-01', '2023-01-15', 0, 150000)
  `.execute(db.kysely)
  await sql`
    INSERT INTO activity (client_id, month, turnover, transactions, card_spend, mobile_logins, branch_visits) VALUES
      (${clientId}, '2025-03-01', 98000, 41, 52000, 20, 1),
      (${clientId}, '2025-01-01', 120000, 50, 61000, 25, 0),
      (${clientId}, '2025-02-01', 87000.5, 38, 43000, 18, 2)
  `.execute(db.kysely)
  // An opt-out that took effect later but was loaded earlier, and an older grant loaded after it.
  await sql`
    INSERT INTO consents (client_id, channel, granted, effective_at, source, recorded_at) VALUES
      (${clientId}, 'sms', true, '2024-01-10T09:00:00Z', 'branch', '2024-01-10T09:00:00Z'),
      (${clientId}, 'sms', false, '2025-02-01T12:00:00Z', 'call_centre', '2025-02-01T12:00:00Z'),
      (${clientId}, 'sms', true, '2023-05-05T00:00:00Z', 'import', '2025-03-01T00:00:00Z'),
      (${clientId}, 'email', true, '2024-06-01T00:00:00Z', 'web', '2024-06-01T00:00:00Z')
  `.execute(db.kysely)
}
