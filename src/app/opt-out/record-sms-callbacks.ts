import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { isStopReply } from '../../core/execution/is-stop-reply.ts'
import { normalizePhone } from '../../core/normalize-phone.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findClientsByPhone, insertOptOuts, recordDeliveryReport } from '../../db/stores/opt-out-store.ts'
import { readSmsReference } from '../channels/sms-gateway-channel.ts'

export type SmsDeliveryReport = { reference: string; status: string; at: Date; id?: string | null }

/** A delivery report from the gateway (docs/sms-gateway.md), kept on the contact it names. */
export async function recordSmsDelivery(db: Kysely<Schema>, report: SmsDeliveryReport): Promise<void> {
  const key = readSmsReference(report.reference)
  const found = key && (await recordDeliveryReport(db, { ...key, status: report.status, at: report.at, providerMessageId: report.id ?? null }))
  if (!found) throw new DomainError('not_found', `No SMS ${report.reference}`, reason('sms.unknown_reference', { reference: report.reference }))
}

export type SmsReply = { from: string; text: string; at: Date }

/**
 * A client's reply. STOP (core/execution/is-stop-reply.ts) is an opt-out of SMS for every client
 * with that phone, recorded at once and audited; any other text is left for the inbound log.
 */
export async function recordSmsReply(db: Kysely<Schema>, reply: SmsReply): Promise<{ optedOut: number }> {
  if (!isStopReply(reply.text)) return { optedOut: 0 }
  const phone = normalizePhone(reply.from)
  if (!phone) throw new DomainError('invalid_input', `${reply.from} is not a phone number`, reason('request.invalid', { field: 'from', issue: 'not a phone number' }))
  return db.transaction().execute(async (tx) => {
    const clients = await findClientsByPhone(tx, phone)
    await insertOptOuts(tx, { clientIds: clients, channel: 'sms', at: reply.at, source: 'sms_stop' })
    for (const clientId of clients) {
      await appendAuditEvent(tx, { userId: null, login: 'client', action: 'consent.opt_out', entity: 'client', entityId: String(clientId), details: { channel: 'sms', source: 'sms_stop' } })
    }
    return { optedOut: clients.length }
  })
}
