import { sql } from 'kysely'
import type { ClientStatus } from '../src/contract/client-statuses.ts'
import type { Segment } from '../src/contract/segments.ts'
import type { Database } from '../src/db/open-database.ts'
import { createTestUser } from './build-test-server.ts'

export type WebFixture = { vipClientId: number; vipBankId: string; vipName: string; vipPhone: string }

type ClientSeed = [bankId: string, fullName: string, birth: string, gender: 'M' | 'F', phone: string, segment: Segment, vip: boolean, status: ClientStatus, branch: 'MSK' | 'EKB', since: string, income: number]

// A small, plausible client base for the browser test and for looking at the screens: two
// branches, a VIP client with products, twelve months of activity, consents with history and a note.
const CLIENTS: ClientSeed[] = [
  ['1000001', 'Иванова Мария Петровна', '1978-04-12', 'F', '79123456789', 'premium', true, 'active', 'MSK', '2009-03-02', 420000],
  ['1000002', 'Петров Сергей Иванович', '1985-11-30', 'M', '79031234567', 'mass', false, 'active', 'MSK', '2015-06-18', 85000],
  ['1000003', 'Смирнов Алексей Викторович', '1990-01-05', 'M', '79165550101', 'mass_affluent', false, 'active', 'EKB', '2012-09-01', 160000],
  ['1000004', 'Кузнецова Ольга Андреевна', '1969-07-22', 'F', '79220001122', 'mass', false, 'churned', 'EKB', '2005-02-14', 54000],
  ['1000005', 'Соколов Дмитрий Олегович', '1982-03-17', 'M', '79857778899', 'private', true, 'active', 'MSK', '2001-10-10', 2350000],
  ['1000006', 'Попова Анна Сергеевна', '1995-12-01', 'F', '79634443322', 'mass', false, 'active', 'MSK', '2021-04-05', 62000],
  ['1000007', 'Лебедев Игорь Николаевич', '1975-08-09', 'M', '79502223344', 'mass_affluent', false, 'active', 'EKB', '2010-11-23', 190000],
  ['1000008', 'Новикова Елена Викторовна', '1988-05-28', 'F', '79126667788', 'mass', false, 'active', 'EKB', '2018-01-15', 71000],
]

export async function seedWebFixture(db: Database): Promise<WebFixture> {
  const k = db.kysely
  await sql`
    INSERT INTO regions (code, name, utc_offset) VALUES ('77', 'Москва', 3), ('66', 'Свердловская область', 5) ON CONFLICT (code) DO NOTHING;
    INSERT INTO branches (code, name, region_code, city) VALUES
      ('MSK', 'ЦБУ «Тверская»', '77', 'Москва'), ('EKB', 'ЦБУ «Площадь 1905 года»', '66', 'Екатеринбург');
    INSERT INTO products (code, type, name) VALUES
      ('DC_SALARY', 'debit_card', 'Зарплатная карта'),
      ('CC_CLASSIC', 'credit_card', 'Кредитная карта «Классика»'),
      ('TD_12M', 'term_deposit', 'Вклад «Надёжный» 12 мес.'),
      ('ML_STD', 'mortgage', 'Ипотека «Стандарт»');
  `.execute(k)
  await createTestUser(db, 'manager')
  await createTestUser(db, 'admin')
  await createTestUser(db, 'auditor')
  // The marketer has no clearance for personal fields: the list shows them masked.
  await createTestUser(db, 'marketer')
  await sql`UPDATE users SET full_name = 'Кузнецова Анна Викторовна' WHERE login = 'manager'`.execute(k)
  await sql`UPDATE users SET full_name = 'Орлов Павел Сергеевич' WHERE login = 'admin'`.execute(k)
  const manager = await k.selectFrom('users').select('id').where('login', '=', 'manager').executeTakeFirstOrThrow()

  const branchId = async (code: string) => (await k.selectFrom('branches').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
  const branches = { MSK: await branchId('MSK'), EKB: await branchId('EKB') }
  const ids: number[] = []
  for (const [bankId, fullName, birth, gender, phone, segment, vip, status, branch, since, income] of CLIENTS) {
    const row = await k
      .insertInto('clients')
      .values({
        bank_id: bankId,
        full_name: fullName,
        birth_date: birth,
        gender,
        phone,
        email: `client${bankId}@mail.example`,
        address: branch === 'MSK' ? 'г. Москва, ул. Тверская, д. 7, кв. 12' : 'г. Екатеринбург, пр. Ленина, д. 24, кв. 5',
        region_code: branch === 'MSK' ? '77' : '66',
        branch_id: branches[branch],
        client_since: since,
        monthly_income: income,
        segment,
        vip,
        personal_manager_id: vip ? manager.id : null,
        status,
        status_date: status === 'churned' ? '2024-11-30' : null,
        status_reason: status === 'churned' ? 'Перевёл зарплату в другой банк' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.push(row.id)
  }
  const vip = ids[0]!
  await sql`
    INSERT INTO holdings (client_id, account_no, product_code, opened_at, closed_at, balance, credit_limit) VALUES
      (${vip}, '40817810000000012345', 'DC_SALARY', '2009-03-02', NULL, 154320.50, NULL),
      (${vip}, '42305810000000067890', 'TD_12M', '2025-02-01', NULL, 2500000, NULL),
      (${vip}, '40817810000000054321', 'CC_CLASSIC', '2019-07-15', NULL, -12000, 300000),
      (${vip}, '45507810000000011111', 'ML_STD', '2011-05-20', '2023-08-31', 0, NULL)
  `.execute(k)
  for (let i = 0; i < 12; i++) {
    const month = new Date(Date.UTC(2025, i, 1)).toISOString().slice(0, 10)
    const turnover = 180000 + ((i * 37) % 11) * 21000
    await sql`
      INSERT INTO activity (client_id, month, turnover, transactions, card_spend, mobile_logins, branch_visits)
      VALUES (${vip}, ${month}, ${turnover}, ${40 + i}, ${Math.round(turnover * 0.45)}, ${20 + (i % 5)}, ${i % 3})
    `.execute(k)
  }
  await sql`
    INSERT INTO consents (client_id, channel, granted, effective_at, source) VALUES
      (${vip}, 'email', true, '2019-03-01T10:00:00Z', 'анкета в ЦБУ'),
      (${vip}, 'sms', true, '2019-03-01T10:00:00Z', 'анкета в ЦБУ'),
      (${vip}, 'sms', false, '2024-06-11T08:30:00Z', 'звонок в колл-центр'),
      (${vip}, 'call', true, '2021-02-10T12:00:00Z', 'мобильное приложение')
  `.execute(k)
  await sql`
    INSERT INTO notes (client_id, author_id, kind, body, created_at)
    VALUES (${vip}, ${manager.id}, 'life_event', 'Дочь поступает в университет осенью: интересуется образовательным кредитом.', '2025-05-14T09:12:00Z')
  `.execute(k)
  return { vipClientId: vip, vipBankId: '1000001', vipName: 'Иванова Мария Петровна', vipPhone: '79123456789' }
}
