import { sql } from 'kysely'
import { DEFAULT_CONTACT_POLICY, DEFAULT_UNIVERSAL_HOLDOUT } from '../src/core/selection/contact-policy.ts'
import type { Database } from '../src/db/open-database.ts'

// A call wave built by hand: `members` clients <code>-1 … with phones and consent to calls, over
// Moscow (+3) and Yekaterinburg (+5); every tenth member in control; a program in `pilot` ending on
// `plannedEnd`, whose approved offer has a call script with two objections.

export type SeededCallWave = { waveId: number; programId: number; clientIds: { target: number[]; control: number[] } }

export async function seedCallWave(db: Database, input: { code: string; members: number; plannedEnd?: string }): Promise<SeededCallWave> {
  const k = db.kysely
  const prefix = `${input.code}-`
  await sql`INSERT INTO clients (bank_id, full_name, gender, phone, region_code, segment, vip)
    SELECT ${prefix} || g, 'Смирнов Алексей Игоревич ' || g, 'M', '7912' || lpad(g::text, 7, '0'), (ARRAY['77','66'])[1 + g % 2],
      CASE WHEN g % 7 = 0 THEN 'premium' ELSE 'mass' END, g % 7 = 0
    FROM generate_series(1, ${input.members}::int) g`.execute(k)
  await sql`INSERT INTO consents (client_id, channel, granted, effective_at, source)
    SELECT c.id, 'call', true, '2020-01-01T00:00:00Z', 'branch' FROM clients c WHERE c.bank_id LIKE ${`${prefix}%`}`.execute(k)
  const offer = await k
    .insertInto('offers')
    .values({
      code: `${input.code}-OFFER`, version: 1, status: 'approved', name: 'Кредитная карта «100 дней»', terms: 'Без процентов 100 дней, обслуживание 0 ₽',
      rate: 0.299, term_months: 36, amount: 150000, created_by_login: 'marketer', approved_by_login: 'head', approved_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await k.insertInto('offer_templates').values({
    offer_id: offer.id, channel: 'call',
    script: 'Здравствуйте, {{ client.first_name }}! Банк предлагает вам кредитную карту с лимитом до {{ offer.amount | money }}.',
    objections: JSON.stringify([
      { objection: 'Мне не нужна карта', answer: 'Обслуживание бесплатно: карта ничего не стоит, пока вы ею не пользуетесь.' },
      { objection: 'Дорогие проценты', answer: '100 дней без процентов на покупки.' },
    ]),
  }).execute()
  const program = await k
    .insertInto('programs')
    .values({ code: input.code, name: `Обзвон ${input.code}`, status: 'pilot', seed: `${input.code}-seed`, offer_code: `${input.code}-OFFER`, goal: 'cross_sell', planned_end: input.plannedEnd ?? null })
    .returning('id')
    .executeTakeFirstOrThrow()
  const policyRow = await sql<{ version: number }>`INSERT INTO contact_policies (rules) VALUES ('{}') RETURNING version`.execute(k)
  const policy = { ...DEFAULT_CONTACT_POLICY, universalHoldout: DEFAULT_UNIVERSAL_HOLDOUT, timeZone: 'Europe/Moscow' }
  const wave = await k
    .insertInto('waves')
    .values({
      program_id: program.id, channel: 'call', rule: '{}', policy_version: policyRow.rows[0]!.version, policy: JSON.stringify(policy),
      seed: `${input.code}-seed`, control_share: 0.1, include_holdout: false, as_of: '2026-12-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sql`INSERT INTO wave_members (client_id, wave_id, "group")
    SELECT id, ${wave.id}, CASE WHEN substr(bank_id, ${prefix.length + 1})::int % 10 = 0 THEN 'control' ELSE 'target' END
    FROM clients WHERE bank_id LIKE ${`${prefix}%`}`.execute(k)
  const members = await k.selectFrom('wave_members').select(['client_id', 'group']).where('wave_id', '=', wave.id).orderBy('client_id').execute()
  return {
    waveId: wave.id,
    programId: program.id,
    clientIds: {
      target: members.filter((m) => m.group === 'target').map((m) => Number(m.client_id)),
      control: members.filter((m) => m.group === 'control').map((m) => Number(m.client_id)),
    },
  }
}
