import { sql } from 'kysely'
import { DEFAULT_CONTACT_POLICY, DEFAULT_UNIVERSAL_HOLDOUT } from '../src/core/selection/contact-policy.ts'
import type { Database } from '../src/db/open-database.ts'

// A pilot wave ready to send, built by hand: `members` clients S-1 … with e-mail, phone and consents
// on both channels, spread over five time zones (Kaliningrad +2, Moscow +3, Yekaterinburg +5,
// Novosibirsk +7, Vladivostok +10); every tenth member in control; a program in `pilot` whose
// approved offer has e-mail and SMS templates in Russian.

export const SEND_REGIONS = ['39', '77', '66', '54', '25'] as const

export type SeededSendWave = { waveId: number; programId: number; offerId: number; clientIds: { target: number[]; control: number[] } }

export type SeedSendWaveInput = { code: string; members: number; channel: 'email' | 'sms' | 'letter'; offerApproved?: boolean; programStatus?: string }

export async function seedSendWave(db: Database, input: SeedSendWaveInput): Promise<SeededSendWave> {
  const k = db.kysely
  const prefix = `${input.code}-`
  await sql`INSERT INTO clients (bank_id, full_name, gender, email, phone, address, region_code, segment)
    SELECT ${prefix} || g, 'Иванова Мария Петровна ' || g, 'F', 'client' || g || '@' || ${input.code.toLowerCase()} || '.example',
      '7912' || lpad(g::text, 7, '0'), 'г. Москва, ул. Тверская, д. ' || g, (ARRAY['39','77','66','54','25'])[1 + g % 5], 'mass'
    FROM generate_series(1, ${input.members}::int) g`.execute(k)
  await sql`INSERT INTO consents (client_id, channel, granted, effective_at, source)
    SELECT c.id, ch, true, '2020-01-01T00:00:00Z', 'branch' FROM clients c CROSS JOIN (VALUES ('email'), ('sms'), ('letter')) v(ch)
    WHERE c.bank_id LIKE ${`${prefix}%`}`.execute(k)
  const offer = await k
    .insertInto('offers')
    .values({
      code: `${input.code}-OFFER`, version: 1, status: input.offerApproved === false ? 'draft' : 'approved', name: 'Вклад «Надёжный»',
      rate: 0.185, term_months: 6, amount: 50000, created_by_login: 'marketer',
      ...(input.offerApproved !== false && { approved_by_login: 'head', approved_at: new Date() }),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await k.insertInto('offer_templates').values([
    {
      offer_id: offer.id, channel: 'email', subject: '{{ client.first_name }}, вклад под {{ offer.rate | percent }}',
      body_html: '<p>{{ client.salutation }} {{ client.first_name }} {{ client.patronymic }}!</p><p>Откройте вклад от {{ offer.amount | money }}.</p>',
      body_text: '{{ client.salutation }} {{ client.first_name }} {{ client.patronymic }}! Откройте вклад от {{ offer.amount | money }}.',
    },
    { offer_id: offer.id, channel: 'letter', body_html: '<p>{{ client.salutation }} {{ client.first_name }} {{ client.patronymic }}!</p><p>Предлагаем вклад «Надёжный» под {{ offer.rate | percent }} на {{ offer.term_months }} месяцев.</p>' },
    { offer_id: offer.id, channel: 'sms', body_text: '{{ client.first_name }}, вклад {{ offer.rate | percent }} на {{ offer.term_months }} мес. Банк' },
  ]).execute()
  const program = await k
    .insertInto('programs')
    .values({ code: input.code, name: `Программа ${input.code}`, status: input.programStatus ?? 'pilot', seed: `${input.code}-seed`, offer_code: `${input.code}-OFFER` })
    .returning('id')
    .executeTakeFirstOrThrow()
  const policyRow = await sql<{ version: number }>`INSERT INTO contact_policies (rules) VALUES ('{}') RETURNING version`.execute(k)
  const policy = { ...DEFAULT_CONTACT_POLICY, universalHoldout: DEFAULT_UNIVERSAL_HOLDOUT, timeZone: 'Europe/Moscow' }
  const wave = await k
    .insertInto('waves')
    .values({
      program_id: program.id, channel: input.channel, rule: '{}', policy_version: policyRow.rows[0]!.version, policy: JSON.stringify(policy),
      seed: `${input.code}-seed`, control_share: 0.1, include_holdout: false, as_of: '2026-12-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sql`INSERT INTO wave_members (client_id, wave_id, "group")
    SELECT id, ${wave.id}, CASE WHEN substr(bank_id, ${prefix.length + 1})::int % 10 = 0 THEN 'control' ELSE 'target' END
    FROM clients WHERE bank_id LIKE ${`${prefix}%`}`.execute(k)
  const members = await k.selectFrom('wave_members').select(['client_id', 'group']).where('wave_id', '=', wave.id).orderBy('client_id').execute()
  const target = members.filter((m) => m.group === 'target').length
  await k.updateTable('waves').set({ target_count: target, control_count: members.length - target, eligible_count: members.length }).where('id', '=', wave.id).execute()
  return {
    waveId: wave.id,
    programId: program.id,
    offerId: offer.id,
    clientIds: {
      target: members.filter((m) => m.group === 'target').map((m) => Number(m.client_id)),
      control: members.filter((m) => m.group === 'control').map((m) => Number(m.client_id)),
    },
  }
}
