import { sql } from 'kysely'
import type { Database } from '../src/db/open-database.ts'

export type SeededPilotWave = {
  waveId: number
  /** Records a response of the type for each client (by number: client `V-<n>`), attributed to the wave. */
  respond: (type: string, clients: readonly number[], at: string, value?: string | null) => Promise<void>
}

/**
 * A pilot wave of an existing program built by hand: clients V-first … in target, then the control,
 * at the designed share; creates the clients V-1 … V-`clients` first when asked.
 */
export async function seedPilotWave(
  db: Database,
  input: { code: string; first: number; target: number; control: number; controlShare: number; builtAt: string; createClients?: number },
): Promise<SeededPilotWave> {
  const k = db.kysely
  if (input.createClients) await sql`INSERT INTO clients (bank_id, full_name) SELECT 'V-' || g, 'Клиент ' || g FROM generate_series(1, ${input.createClients}::int) g`.execute(k)
  const program = await k.selectFrom('programs').select(['id', 'seed']).where('code', '=', input.code).executeTakeFirstOrThrow()
  const policy = await sql<{ version: number }>`INSERT INTO contact_policies (rules) VALUES ('{}') RETURNING version`.execute(k)
  const wave = await k
    .insertInto('waves')
    .values({
      program_id: program.id, channel: 'sms', rule: '{}', policy_version: policy.rows[0]!.version, policy: '{}', seed: program.seed,
      control_share: input.controlShare, include_holdout: false, as_of: input.builtAt.slice(0, 10), built_at: input.builtAt,
      target_count: input.target, control_count: input.control,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const clientId = async (n: number) => Number((await k.selectFrom('clients').select('id').where('bank_id', '=', `V-${n}`).executeTakeFirstOrThrow()).id)
  const offset = (await clientId(input.first)) - input.first
  const firstId = input.first + offset
  await sql`
    INSERT INTO wave_members (client_id, wave_id, "group")
    SELECT id, ${wave.id}, CASE WHEN id < ${firstId + input.target} THEN 'target' ELSE 'control' END
    FROM clients WHERE id >= ${firstId} AND id < ${firstId + input.target + input.control}
  `.execute(k)
  return {
    waveId: wave.id,
    async respond(type, clients, at, value = null) {
      for (const n of clients) {
        await sql`INSERT INTO responses (client_id, program_id, wave_id, type, responded_at, value) VALUES (${n + offset}, ${program.id}, ${wave.id}, ${type}, ${at}, ${value})`.execute(k)
      }
    },
  }
}
