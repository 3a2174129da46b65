import { sql, type Kysely } from 'kysely'
import type { Channel } from '../../contract/channels.ts'
import type { Schema } from '../schema.ts'

// An opt-out is a consent refusal, in the same history every consent has (core/current-consents.ts):
// the contact policy, checked again just before each send, honours it at once; the profile's
// consent flags catch up at its next refresh.

/** `recordedAt`: when Otklik learnt of it, now unless said (the demo bank writes its past). */
export type OptOutInput = { clientIds: readonly number[]; channel: Channel; at: Date; source: string; recordedAt?: Date }

/** Records a refusal for each client; a second click of the same link at the same moment records nothing twice. */
export async function insertOptOuts(db: Kysely<Schema>, input: OptOutInput): Promise<number> {
  if (input.clientIds.length === 0) return 0
  const recordedAt = input.recordedAt ? sql`${input.recordedAt}::timestamptz` : sql`now()`
  const result = await sql`INSERT INTO consents (client_id, channel, granted, effective_at, source, recorded_at)
    SELECT id, ${input.channel}, false, ${input.at}, ${input.source}, ${recordedAt} FROM clients WHERE id = ANY(${input.clientIds}::bigint[])
    ON CONFLICT DO NOTHING`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

/** The clients whose phone is this number (digits, country code first). */
export async function findClientsByPhone(db: Kysely<Schema>, phone: string): Promise<number[]> {
  const rows = await db.selectFrom('clients').select('id').where('phone', '=', phone).execute()
  return rows.map((r) => Number(r.id))
}

export type DeliveryReportInput = { clientId: number; id: number; waveId: number; status: string; at: Date; providerMessageId: string | null }

/** The gateway's word on a message we sent: kept on the contact; false when no such SMS contact exists. */
export async function recordDeliveryReport(db: Kysely<Schema>, input: DeliveryReportInput): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set((eb) => ({
      delivery_status: input.status,
      delivered_at: input.at,
      updated_at: new Date(),
      provider_message_id: eb.fn.coalesce('provider_message_id', eb.val(input.providerMessageId)),
    }))
    .where('client_id', '=', input.clientId)
    .where('id', '=', input.id)
    .where('wave_id', '=', input.waveId)
    .where('channel', '=', 'sms')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Many delivery reports at once (the demo's pilot, a gateway's batch): one statement, the same columns as recordDeliveryReport. */
export async function recordDeliveryReports(db: Kysely<Schema>, reports: readonly Omit<DeliveryReportInput, 'providerMessageId'>[]): Promise<number> {
  if (reports.length === 0) return 0
  const result = await sql`UPDATE contacts t SET delivery_status = u.status, delivered_at = u.at, updated_at = u.at
    FROM unnest(${reports.map((r) => r.clientId)}::bigint[], ${reports.map((r) => r.id)}::bigint[], ${reports.map((r) => r.waveId)}::int[],
      ${reports.map((r) => r.status)}::text[], ${reports.map((r) => r.at.toISOString())}::timestamptz[]) AS u(client_id, id, wave_id, status, at)
    WHERE t.client_id = u.client_id AND t.id = u.id AND t.wave_id = u.wave_id AND t.channel = 'sms'`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}
