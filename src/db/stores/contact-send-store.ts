import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Channel } from '../../contract/channels.ts'
import type { ContactPolicy, PolicyStep } from '../../contract/contact-policy.ts'
import type { ContactState } from '../../contract/contact-states.ts'
import type { Schema } from '../schema.ts'
import { policyRemovalSql } from './policy-removal-sql.ts'

// The contacts of a wave as it is sent (migration 0022): queued for every target member first, then
// claimed in small batches — the claim checks the contact policy again and moves what passes to
// `sending` in one short transaction, committed before any provider is called — then each
// provider's answer recorded in one more. Control members are never queued: they are not read here.

const ADDRESS_COLUMN: Record<Channel, string> = { email: 'c.email', sms: 'c.phone', call: 'c.phone', letter: 'c.address' }

export type QueueContactsInput = { waveId: number; programId: number; channel: Channel; offerId: number; now: Date; batchSize: number }

/** Writes a queued contact for each target member without one; returns how many it added. Safe to run again. */
export async function queueWaveContacts(db: Kysely<Schema>, input: QueueContactsInput): Promise<number> {
  let after = 0
  let added = 0
  for (;;) {
    const result = await sql<{ last: number | null; added: number }>`
      WITH batch AS (
        SELECT client_id FROM wave_members WHERE wave_id = ${input.waveId} AND "group" = 'target' AND client_id > ${after}
        ORDER BY client_id LIMIT ${input.batchSize}
      ), inserted AS (
        INSERT INTO contacts (client_id, program_id, wave_id, channel, status, queued_at, offer_id, idempotency_key)
        SELECT client_id, ${input.programId}, ${input.waveId}, ${input.channel}, 'queued', ${input.now}, ${input.offerId},
          ${`wave:${input.waveId}:${input.channel}`}
        FROM batch
        ON CONFLICT DO NOTHING
        RETURNING 1
      )
      SELECT (SELECT max(client_id) FROM batch) AS last, (SELECT count(*) FROM inserted)::int AS added`.execute(db)
    const row = result.rows[0]!
    added += Number(row.added)
    if (row.last === null) return added
    after = Number(row.last)
  }
}

/** A contact's client as its templates read it, with the address on the contact's channel. */
export type ClaimCandidate = {
  clientId: number
  id: number
  attempts: number
  removedBy: PolicyStep | null
  address: string | null
  utcOffset: number
  fullName: string
  gender: 'M' | 'F' | null
  segment: string
  branchName: string | null
  phone: string | null
  email: string | null
  postalAddress: string | null
  birthDate: string | null
  clientSince: string | null
}

export type DueContactsInput = {
  waveId: number
  programId: number
  channel: Channel
  policy: ContactPolicy
  asOf: string
  timeZone: string
  now: Date
  limit: number
}

/**
 * Locks the next due queued contacts of the wave (others' locked rows are skipped, so two senders
 * never take the same row) and reads, for each, the contact policy's verdict now and the client's
 * fields. Run it inside the transaction that then moves them (markClaimed): the locks hold until it ends.
 */
export async function lockDueContacts(tx: Kysely<Schema>, input: DueContactsInput): Promise<ClaimCandidate[]> {
  const removal = policyRemovalSql({
    clientId: sql.ref('d.client_id'),
    channel: input.channel,
    policy: input.policy,
    asOf: input.asOf,
    timeZone: input.timeZone,
    before: sql`${input.now}::timestamptz`,
    waveId: input.waveId,
    programId: input.programId,
  })
  const rows = await sql<ClaimCandidate>`
    WITH d AS (
      SELECT client_id, id, attempts FROM contacts
      WHERE wave_id = ${input.waveId} AND status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ${input.now})
      ORDER BY client_id LIMIT ${input.limit}
      FOR UPDATE SKIP LOCKED
    )
    SELECT d.client_id AS "clientId", d.id, d.attempts, ${removal} AS "removedBy",
      nullif(btrim(${sql.raw(ADDRESS_COLUMN[input.channel])}), '') AS address, coalesce(r.utc_offset, 3) AS "utcOffset",
      c.full_name AS "fullName", c.gender, c.segment, b.name AS "branchName", c.phone, c.email, c.address AS "postalAddress",
      c.birth_date::text AS "birthDate", c.client_since::text AS "clientSince"
    FROM d JOIN clients c ON c.id = d.client_id
    LEFT JOIN regions r ON r.code = c.region_code
    LEFT JOIN branches b ON b.id = c.branch_id
    ORDER BY d.client_id`.execute(tx)
  return rows.rows.map((r) => ({ ...r, clientId: Number(r.clientId), id: Number(r.id), utcOffset: Number(r.utcOffset) }))
}

type Key = { clientId: number; id: number }

function keys(rows: readonly Key[]): { clients: RawBuilder<unknown>; ids: RawBuilder<unknown> } {
  return { clients: sql`${rows.map((r) => r.clientId)}::bigint[]`, ids: sql`${rows.map((r) => r.id)}::bigint[]` }
}

/**
 * The rows of a batch of the wave's contacts in the given state, as contacts_wave_status_idx
 * (wave_id, status, client_id) finds them: redundant with the keys, it spares the planner a scan
 * of every contact of every wave per batch — joined to the keys by hash over a whole-table scan, a
 * 100k wave's send grew with the square of its size.
 */
function batchRows(waveId: number, states: readonly ContactState[], rows: readonly Key[]): RawBuilder<unknown> {
  let low = Infinity
  let high = -Infinity
  for (const r of rows) {
    low = Math.min(low, r.clientId)
    high = Math.max(high, r.clientId)
  }
  return sql`t.wave_id = ${waveId} AND t.status IN (${sql.join(states.map((state) => sql`${state}`))}) AND t.client_id BETWEEN ${low} AND ${high}`
}

export type ClaimMoves = {
  /** The wave the contacts are of: with the batch's client range it keeps each update to the batch's rows (below). */
  waveId: number
  skipped: (Key & { reason: string })[]
  /** Held back: quiet hours where the client lives; tried again from nextAttemptAt. */
  deferred: (Key & { nextAttemptAt: Date })[]
  sending: (Key & { address: string; providerMessageId: string | null })[]
  now: Date
}

/** Moves locked queued contacts: skipped by the policy, deferred, or `sending` with their address. */
export async function markClaimed(tx: Kysely<Schema>, moves: ClaimMoves): Promise<void> {
  if (moves.skipped.length) {
    const k = keys(moves.skipped)
    await sql`UPDATE contacts t SET status = 'skipped', skip_reason = u.reason, updated_at = ${moves.now}
      FROM unnest(${k.clients}, ${k.ids}, ${moves.skipped.map((r) => r.reason)}::text[]) AS u(client_id, id, reason)
      WHERE t.client_id = u.client_id AND t.id = u.id AND ${batchRows(moves.waveId, ['queued'], moves.skipped)}`.execute(tx)
  }
  if (moves.deferred.length) {
    const k = keys(moves.deferred)
    await sql`UPDATE contacts t SET next_attempt_at = u.at, updated_at = ${moves.now}
      FROM unnest(${k.clients}, ${k.ids}, ${moves.deferred.map((r) => r.nextAttemptAt.toISOString())}::timestamptz[]) AS u(client_id, id, at)
      WHERE t.client_id = u.client_id AND t.id = u.id AND ${batchRows(moves.waveId, ['queued'], moves.deferred)}`.execute(tx)
  }
  if (moves.sending.length) {
    const k = keys(moves.sending)
    await sql`UPDATE contacts t SET status = 'sending', attempts = t.attempts + 1, address = u.address,
        provider_message_id = coalesce(u.message_id, t.provider_message_id), updated_at = ${moves.now}
      FROM unnest(${k.clients}, ${k.ids}, ${moves.sending.map((r) => r.address)}::text[],
        ${moves.sending.map((r) => r.providerMessageId)}::text[]) AS u(client_id, id, address, message_id)
      WHERE t.client_id = u.client_id AND t.id = u.id AND ${batchRows(moves.waveId, ['queued'], moves.sending)}`.execute(tx)
  }
}

export type SendOutcome = Key &
  (
    | { state: 'sent'; sentAt: Date; providerMessageId: string | null }
    | { state: 'queued'; nextAttemptAt: Date; error: string }
    | { state: 'failed' | 'unknown'; error: string }
  )

/** Records the providers' answers for contacts in `sending` (or `unknown`, when reconciled); other rows are left alone. */
export async function recordSendOutcomes(db: Kysely<Schema>, input: { waveId: number; outcomes: readonly SendOutcome[]; now: Date }): Promise<void> {
  const { outcomes, now } = input
  if (outcomes.length === 0) return
  const k = keys(outcomes)
  const column = <T>(pick: (o: SendOutcome) => T) => outcomes.map(pick)
  await sql`UPDATE contacts t SET status = u.state, updated_at = ${now},
      sent_at = CASE WHEN u.state = 'sent' THEN u.sent_at ELSE t.sent_at END,
      provider_message_id = coalesce(u.message_id, t.provider_message_id),
      next_attempt_at = CASE WHEN u.state = 'queued' THEN u.next_at ELSE NULL END,
      error = CASE WHEN u.state = 'sent' THEN NULL ELSE u.error END
    FROM unnest(${k.clients}, ${k.ids}, ${column((o) => o.state)}::text[],
      ${column((o) => (o.state === 'sent' ? o.sentAt.toISOString() : null))}::timestamptz[],
      ${column((o) => (o.state === 'sent' ? o.providerMessageId : null))}::text[],
      ${column((o) => (o.state === 'queued' ? o.nextAttemptAt.toISOString() : null))}::timestamptz[],
      ${column((o) => (o.state === 'sent' ? null : o.error))}::text[]) AS u(client_id, id, state, sent_at, message_id, next_at, error)
    WHERE t.client_id = u.client_id AND t.id = u.id AND ${batchRows(input.waveId, ['sending', 'unknown'], outcomes)}`.execute(db)
}

export type InFlightContact = Key & { state: ContactState; address: string | null; providerMessageId: string | null; attempts: number }

/** Contacts of the wave left `sending` by a sender that stopped, and those marked `unknown`: reconciliation's work. */
export async function listInFlightContacts(db: Kysely<Schema>, waveId: number, limit: number): Promise<InFlightContact[]> {
  const rows = await db
    .selectFrom('contacts')
    .select(['client_id', 'id', 'status', 'address', 'provider_message_id', 'attempts'])
    .where('wave_id', '=', waveId)
    .where('status', 'in', ['sending', 'unknown'])
    .orderBy('client_id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ clientId: Number(r.client_id), id: Number(r.id), state: r.status, address: r.address, providerMessageId: r.provider_message_id, attempts: r.attempts }))
}

export type WaveContactCounts = Record<ContactState, number> & { skippedBy: Record<string, number>; nextAttemptAt: string | null }

export async function countWaveContactStates(db: Kysely<Schema>, waveId: number): Promise<WaveContactCounts> {
  const rows = await sql<{ status: ContactState; skip_reason: string | null; n: number; next_at: Date | null }>`
    SELECT status, skip_reason, count(*)::int AS n, min(next_attempt_at) FILTER (WHERE status = 'queued') AS next_at
    FROM contacts WHERE wave_id = ${waveId} GROUP BY status, skip_reason`.execute(db)
  const counts: WaveContactCounts = { queued: 0, sending: 0, sent: 0, failed: 0, unknown: 0, skipped: 0, skippedBy: {}, nextAttemptAt: null }
  for (const r of rows.rows) {
    counts[r.status] += Number(r.n)
    if (r.status === 'skipped' && r.skip_reason) counts.skippedBy[r.skip_reason] = (counts.skippedBy[r.skip_reason] ?? 0) + Number(r.n)
    if (r.next_at) counts.nextAttemptAt = new Date(r.next_at).toISOString()
  }
  return counts
}
