import { sql, type Kysely } from 'kysely'
import type { DemoPilot } from '../../core/demo/demo-programs.ts'
import type { Schema } from '../schema.ts'

// What the demo's finished pilot writes besides the use cases: a program seed fixed by the demo's
// seed (so its control group is the same every time), the wave's build moved back to when the
// pilot ran, and its responses.

/** Before the program has any wave: its seed, so that control membership is the demo's own. */
export async function setDemoProgramSeed(db: Kysely<Schema>, input: { programId: number; seed: string }): Promise<void> {
  await db.updateTable('programs').set({ seed: input.seed }).where('id', '=', input.programId).execute()
}

export async function backdateWave(db: Kysely<Schema>, input: { waveId: number; builtAt: string; asOf: string }): Promise<void> {
  await db.updateTable('waves').set({ built_at: input.builtAt, as_of: input.asOf }).where('id', '=', input.waveId).execute()
}

/**
 * The pilot's responses in one statement: per group, members in the order of md5(seed, client);
 * a type's responders are the first round(share × n), at a time in its days after the build spread
 * by another hash; a balance is a share of the member's turnover in the month before the wave plus
 * a base and a spread (whole roubles).
 */
export async function insertDemoPilotResponses(
  db: Kysely<Schema>,
  input: { programId: number; waveId: number; seed: string; builtAt: string; responses: DemoPilot['responses']; balance: DemoPilot['balance'] },
): Promise<number> {
  const plan = sql.join(input.responses.map((r) => sql`(${r.type}::text, ${r.target}::float8, ${r.control}::float8, ${r.fromDay}::int, ${r.toDay}::int)`))
  const { turnoverShare, base, spread } = input.balance
  const result = await sql`
    WITH ranked AS (
      SELECT m.client_id, m."group",
        row_number() OVER (PARTITION BY m."group" ORDER BY md5(${input.seed} || ':respond:' || m.client_id), m.client_id) AS rank,
        count(*) OVER (PARTITION BY m."group") AS n,
        ('x' || substr(md5(${input.seed} || ':when:' || m.client_id), 1, 8))::bit(32)::bigint AS h
      FROM wave_members m WHERE m.wave_id = ${input.waveId}
    ),
    plan (type, target, control, from_day, to_day) AS (VALUES ${plan})
    INSERT INTO responses (client_id, program_id, wave_id, type, responded_at, value)
    SELECT r.client_id, ${input.programId}, ${input.waveId}, p.type,
      ${input.builtAt}::timestamptz + make_interval(days => p.from_day, hours => (r.h % ((p.to_day - p.from_day) * 24))::int),
      CASE WHEN p.type = 'balance' THEN round(${turnoverShare}::numeric * COALESCE(a.turnover, 0) + ${base} + r.h % ${spread}) END
    FROM ranked r
    JOIN plan p ON r.rank <= round(CASE WHEN r."group" = 'target' THEN p.target ELSE p.control END * r.n)
    LEFT JOIN activity a ON a.client_id = r.client_id
      AND a.month = (date_trunc('month', ${input.builtAt}::timestamptz AT TIME ZONE 'UTC') - interval '1 month')::date
  `.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/** A wave's target members, by client id: whom the demo's pilot wrote to. */
export async function listWaveTargetClients(db: Kysely<Schema>, waveId: number): Promise<number[]> {
  const rows = await db.selectFrom('wave_members').select('client_id').where('wave_id', '=', waveId).where('group', '=', 'target').orderBy('client_id').execute()
  return rows.map((r) => Number(r.client_id))
}

/** A wave's SMS contacts accepted by the gateway, with when: the delivery reports the demo writes on them. */
export async function listSentSmsContacts(db: Kysely<Schema>, waveId: number): Promise<{ clientId: number; id: number; sentAt: Date }[]> {
  const rows = await db.selectFrom('contacts').select(['client_id', 'id', 'sent_at']).where('wave_id', '=', waveId).where('channel', '=', 'sms').where('status', '=', 'sent').execute()
  return rows.map((r) => ({ clientId: Number(r.client_id), id: Number(r.id), sentAt: new Date(r.sent_at!) }))
}
