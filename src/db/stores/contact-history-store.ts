import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Channel } from '../../contract/channels.ts'
import type { ContactState } from '../../contract/contact-states.ts'
import type { ContactTable, Schema } from '../schema.ts'

/** One wave's contacts, or all the waves' of one program. */
export type ContactHistoryScope = { waveId: number } | { programId: number }

export type ContactHistoryFilter = { scope: ContactHistoryScope; state?: ContactState | undefined; channel?: Channel | undefined }

export type ContactHistoryRow = {
  id: number
  clientId: number
  bankId: string
  fullName: string
  address: string | null
  program: string
  wave: number
  channel: Channel
  state: ContactState
  skipReason: string | null
  deliveryStatus: string | null
  deliveredAt: Date | null
  queuedAt: Date | null
  sentAt: Date | null
  updatedAt: Date
  attempts: number
  nextAttemptAt: Date | null
  error: string | null
}

/**
 * A page of contacts, newest first, older than `beforeId` (keyset: the index on (wave_id, id) or
 * (program_id, id) of migration 0026 is read from that id on, whatever the depth).
 */
export async function listContactHistoryPage(db: Kysely<Schema>, input: ContactHistoryFilter & { beforeId?: number | undefined; limit: number }): Promise<ContactHistoryRow[]> {
  let query = db
    .selectFrom('contacts as t')
    .where((eb) => matches(eb, input))
    .innerJoin('clients as c', 'c.id', 't.client_id')
    .innerJoin('programs as p', 'p.id', 't.program_id')
    .select([
      't.id', 't.client_id', 'c.bank_id', 'c.full_name', 't.address', 'p.code', 't.wave_id', 't.channel', 't.status', 't.skip_reason',
      't.delivery_status', 't.delivered_at', 't.queued_at', 't.sent_at', 't.updated_at', 't.attempts', 't.next_attempt_at', 't.error',
    ])
  if (input.beforeId !== undefined) query = query.where('t.id', '<', input.beforeId)
  const rows = await query.orderBy('t.id', 'desc').limit(input.limit).execute()
  return rows.map((r) => ({
    id: Number(r.id), clientId: Number(r.client_id), bankId: r.bank_id, fullName: r.full_name, address: r.address, program: r.code,
    wave: r.wave_id!, channel: r.channel as Channel, state: r.status, skipReason: r.skip_reason, deliveryStatus: r.delivery_status,
    deliveredAt: r.delivered_at, queuedAt: r.queued_at, sentAt: r.sent_at, updatedAt: r.updated_at, attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at, error: r.error,
  }))
}

/** How many contacts the filter holds: the export's audit event and file header. */
export async function countContactHistory(db: Kysely<Schema>, input: ContactHistoryFilter): Promise<number> {
  const query = db.selectFrom('contacts as t').where((eb) => matches(eb, input)).select((eb) => eb.fn.countAll<string>().as('n'))
  return Number((await query.executeTakeFirstOrThrow()).n)
}

// The partial indexes of migration 0026 hold only wave contacts: a program's list says so, for the planner.
function matches(eb: ExpressionBuilder<{ t: ContactTable }, 't'>, input: ContactHistoryFilter) {
  const { scope, state, channel } = input
  const terms = 'waveId' in scope ? [eb('t.wave_id', '=', scope.waveId)] : [eb('t.program_id', '=', scope.programId), eb('t.wave_id', 'is not', null)]
  if (state) terms.push(eb('t.status', '=', state))
  if (channel) terms.push(eb('t.channel', '=', channel))
  return eb.and(terms)
}
