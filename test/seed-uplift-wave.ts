import { createRandom } from '../src/core/demo/create-random.ts'
import type { ProfileRow } from '../src/core/selection/profile-row.ts'
import type { Database } from '../src/db/open-database.ts'
import { seedProgramWaves } from './seed-program-waves.ts'
import { recordTestProfileVersion } from './write-test-profile.ts'

export type UpliftWave = { programId: number; waveId: number; clientIds: number[]; rich: ReadonlySet<number>; outsideWindow: number }

/**
 * A past e-mail wave (program EMAIL-UP, built 2026-10-01) of n clients with profiles, half target,
 * half control, whose e-mail persuades only clients earning over 150 000 ₽: they visit 45% of the
 * time when e-mailed and 10% when not; everyone else 10% either way. One more visit, after the
 * 30-day window, must not count.
 */
export async function seedUpliftWave(db: Database, input: { n: number; today: string }): Promise<UpliftWave> {
  const random = createRandom(2026, 12, 3)
  const clients = await db.kysely
    .insertInto('clients')
    .values(Array.from({ length: input.n }, (_, i) => ({ bank_id: `U${i}`, full_name: `Клиент ${i}` })))
    .returning(['id', 'bank_id'])
    .execute()
  const rich = new Set<number>()
  const profile: ProfileRow[] = clients.map((c, i) => {
    const income = Math.round(random.between(30_000, 300_000))
    if (income > 150_000) rich.add(c.id)
    return { ...blankProfile(c.id), birth_date: `19${50 + (i % 50)}-05-01`, gender: i % 2 ? 'M' : 'F', income, segment: i % 7 === 0 ? 'premium' : 'mass', turnover_12m: random.between(0, 1e6) }
  })
  // In pages: a statement takes at most 65 535 parameters.
  for (let at = 0; at < profile.length; at += 500) await db.kysely.insertInto('client_profile').values(profile.slice(at, at + 500)).execute()
  const members = Object.fromEntries(clients.map((c, i) => [c.bank_id, i % 2 === 0 ? 'target' : 'control'] as const))
  const seeded = await seedProgramWaves(db, { code: 'EMAIL-UP', waves: [{ builtAt: '2026-10-01T09:00:00.000Z', members }] })
  const waveId = seeded.waveIds[0]!
  const responders = clients.flatMap((c, i) => (random.chance(i % 2 === 0 && rich.has(c.id) ? 0.45 : 0.1) ? [c.id] : []))
  const visit = (clientId: number, at: string) => ({ client_id: clientId, program_id: seeded.programId, wave_id: waveId, type: 'visit' as const, responded_at: at })
  for (let at = 0; at < responders.length; at += 1000) {
    await db.kysely.insertInto('responses').values(responders.slice(at, at + 1000).map((id) => visit(id, '2026-10-05T12:00:00Z'))).execute()
  }
  const outsideWindow = clients.find((c, i) => i % 2 === 1 && !responders.includes(c.id))!.id
  await db.kysely.insertInto('responses').values(visit(outsideWindow, '2026-11-20T12:00:00Z')).execute()
  // Last: the responses mark their clients for a profile refresh, which would rewrite these rows from `clients`.
  await recordTestProfileVersion(db, input.today)
  return { programId: seeded.programId, waveId, clientIds: clients.map((c) => c.id), rich, outsideWindow }
}

function blankProfile(clientId: number): ProfileRow {
  return {
    client_id: clientId, birth_date: null, gender: null, region_code: null, branch_code: null, segment: 'mass', income: null, client_since: '2015-01-01',
    status: 'active', vip: false, do_not_contact: false, product_mask: 0, type_mask: 0, product_count: 1, deposit_balance: 0, loan_balance: 0,
    credit_limit: 0, last_opened_on: null, last_closed_on: null, turnover_1m: 0, turnover_3m: 0, turnover_12m: 0, transactions_1m: 0,
    transactions_3m: 0, turnover_trend: null, consent_email: true, consent_sms: false, consent_call: false, consent_letter: false,
    last_contact_on: null, last_email_contact_on: null, last_sms_contact_on: null, last_call_contact_on: null, last_letter_contact_on: null,
    last_response_on: null, has_open_complaint: false, last_complaint_on: null, churn_score: null, propensity_score: null,
  }
}
