import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// What the Hillstrom import writes besides the use cases (core/import/hillstrom/hillstrom-experiment.ts
// says how the experiment maps onto programs, waves and members). Every write is keyed by a natural
// key and does nothing on a conflict, so a rerun — or a run after one that was cut short — writes
// only what is missing.

/** The program's wave that sends an offer code (the arm), if it was created. */
export async function findWaveByOfferCode(db: Kysely<Schema>, input: { programId: number; offerCode: string }): Promise<number | undefined> {
  const row = await sql<{ id: number }>`
    SELECT w.id FROM waves w JOIN offers o ON o.id = w.offer_id
    WHERE w.program_id = ${input.programId} AND o.code = ${input.offerCode} ORDER BY w.id LIMIT 1
  `.execute(db)
  return row.rows[0]?.id
}

export type ExperimentWaveInput = {
  programId: number
  offerId: number
  builtAt: string
  asOf: string
  policyVersion: number
  /** The policy as a wave freezes it (build-wave.ts): the merged rules, the holdout and the bank's zone. */
  policy: unknown
  seed: string
  controlShare: number
  target: number
  control: number
  builtBy: number | null
}

/**
 * A pilot wave of an experiment run outside Otklik: no rule chose its members (the rule is the
 * empty one, which a rebuild would read as everyone — but a rebuild is refused, since the wave is
 * stored as sent and finished).
 */
export async function insertExperimentWave(db: Kysely<Schema>, input: ExperimentWaveInput): Promise<number> {
  const row = await db
    .insertInto('waves')
    .values({
      program_id: input.programId,
      kind: 'pilot',
      channel: 'email',
      rule: JSON.stringify({ all: [] }),
      policy_version: input.policyVersion,
      policy: JSON.stringify(input.policy),
      seed: input.seed,
      control_share: input.controlShare,
      include_holdout: false,
      as_of: input.asOf,
      target_count: input.target,
      control_count: input.control,
      built_by: input.builtBy,
      built_at: input.builtAt,
      offer_id: input.offerId,
      send_status: 'finished',
      send_started_at: input.builtAt,
      send_finished_at: input.builtAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** One batch of customers, as parallel arrays (one array a column, so a batch is one statement per table). */
export type ExperimentBatch = {
  programId: number
  bankIds: string[]
  names: string[]
  /** Each member row: the customer's bank id, the wave and the group. */
  members: { bankId: string[]; waveId: number[]; group: ('target' | 'control')[] }
  /** The e-mail each target member was sent. */
  contacts: { bankId: string[]; waveId: number[]; offerId: number[]; sentAt: string }
  responses: { bankId: string[]; waveId: number[]; type: string[]; value: (string | null)[]; respondedAt: string }
}

export type BatchCounts = { clients: number; members: number; contacts: number; responses: number }

/** Writes one batch; run it in a transaction of its own, so that nothing holds the pool for long. */
export async function insertExperimentBatch(db: Kysely<Schema>, batch: ExperimentBatch): Promise<BatchCounts> {
  const clients = await sql`
    INSERT INTO clients (bank_id, full_name, segment, do_not_contact)
    SELECT b, n, 'mass', true FROM unnest(${batch.bankIds}::text[], ${batch.names}::text[]) AS t(b, n)
    ON CONFLICT (bank_id) DO NOTHING
  `.execute(db)
  const { members, contacts, responses } = batch
  const memberRows = await sql`
    INSERT INTO wave_members (client_id, wave_id, "group")
    SELECT c.id, t.w, t.g FROM unnest(${members.bankId}::text[], ${members.waveId}::int[], ${members.group}::text[]) AS t(b, w, g)
    JOIN clients c ON c.bank_id = t.b
    ON CONFLICT DO NOTHING
  `.execute(db)
  const contactRows = await sql`
    INSERT INTO contacts (client_id, program_id, wave_id, channel, sent_at, queued_at, status, offer_id)
    SELECT c.id, ${batch.programId}, t.w, 'email', ${contacts.sentAt}::timestamptz, ${contacts.sentAt}::timestamptz, 'sent', t.o
    FROM unnest(${contacts.bankId}::text[], ${contacts.waveId}::int[], ${contacts.offerId}::int[]) AS t(b, w, o)
    JOIN clients c ON c.bank_id = t.b
    ON CONFLICT DO NOTHING
  `.execute(db)
  const responseRows = await sql`
    INSERT INTO responses (client_id, program_id, wave_id, type, responded_at, value, source)
    SELECT c.id, ${batch.programId}, t.w, t.k, ${responses.respondedAt}::timestamptz, t.v::numeric, 'import'
    FROM unnest(${responses.bankId}::text[], ${responses.waveId}::int[], ${responses.type}::text[], ${responses.value}::text[]) AS t(b, w, k, v)
    JOIN clients c ON c.bank_id = t.b
    ON CONFLICT DO NOTHING
  `.execute(db)
  const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0)
  return { clients: n(clients), members: n(memberRows), contacts: n(contactRows), responses: n(responseRows) }
}

/** How much of the experiment is stored: its clients, members, contacts and responses. */
export async function countExperiment(db: Kysely<Schema>, input: { programId: number; bankIdPrefix: string }): Promise<BatchCounts> {
  const row = await sql<BatchCounts>`
    SELECT
      (SELECT count(*) FROM clients WHERE bank_id LIKE ${`${input.bankIdPrefix}%`})::int AS clients,
      (SELECT count(*) FROM wave_members m JOIN waves w ON w.id = m.wave_id WHERE w.program_id = ${input.programId})::int AS members,
      (SELECT count(*) FROM contacts WHERE program_id = ${input.programId})::int AS contacts,
      (SELECT count(*) FROM responses WHERE program_id = ${input.programId})::int AS responses
  `.execute(db)
  return row.rows[0]!
}
