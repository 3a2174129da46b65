import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { isStopReply } from '../../core/execution/is-stop-reply.ts'
import { normalizePhone } from '../../core/normalize-phone.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findClientsByPhone, insertOptOuts, recordDeliveryReport } from '../../db/stores/opt-out-store.ts'
import { findRepliedSms } from '../../db/stores/sms-reply-store.ts'
import { recordAppResponse } from '../lead/record-app-response.ts'
import { readSmsReference } from '../channels/sms-gateway-channel.ts'

export type SmsDeliveryReport = { reference: string; status: string; at: Date; id?: string | null }

/** A delivery report from the gateway (docs/sms-gateway.md), kept on the contact it names. */
export async function recordSmsDelivery(db: Kysely<Schema>, report: SmsDeliveryReport): Promise<void> {
  const key = readSmsReference(report.reference)
  const found = key && (await recordDeliveryReport(db, { ...key, status: report.status, at: report.at, providerMessageId: report.id ?? null }))
  if (!found) throw new DomainError('not_found', `No SMS ${report.reference}`, reason('sms.unknown_reference', { reference: report.reference }))
}

export type SmsReply = { from: string; text: string; at: Date }

/** A reply answers the wave SMS sent to the client within this many days before it; an older SMS is answered by nobody. */
export const SMS_REPLY_DAYS = 30

/**
 * A client's reply. STOP (core/execution/is-stop-reply.ts) is an opt-out of SMS for every client
 * with that phone, recorded at once and audited. Any other text answers the latest wave SMS the
 * client had (SMS_REPLY_DAYS): a response of type reply for its program and wave, and a lead with
 * the text for the client's manager; the gateway's retry of the same reply adds nothing.
 */
export async function recordSmsReply(db: Kysely<Schema>, reply: SmsReply): Promise<{ optedOut: number; responses: number }> {
  const phone = normalizePhone(reply.from)
  // A reply from a short code or a sender name answers no SMS of ours; a STOP from it is an error to see.
  if (!isStopReply(reply.text)) return { optedOut: 0, responses: phone ? await recordReplyResponses(db, phone, reply) : 0 }
  if (!phone) throw new DomainError('invalid_input', `${reply.from} is not a phone number`, reason('request.invalid', { field: 'from', issue: 'not a phone number' }))
  return db.transaction().execute(async (tx) => {
    const clients = await findClientsByPhone(tx, phone)
    await insertOptOuts(tx, { clientIds: clients, channel: 'sms', at: reply.at, source: 'sms_stop' })
    for (const clientId of clients) {
      await appendAuditEvent(tx, { userId: null, login: 'client', action: 'consent.opt_out', entity: 'client', entityId: String(clientId), details: { channel: 'sms', source: 'sms_stop' } })
    }
    return { optedOut: clients.length, responses: 0 }
  })
}

async function recordReplyResponses(db: Kysely<Schema>, phone: string, reply: SmsReply): Promise<number> {
  const answered = await findRepliedSms(db, { phone, at: reply.at, days: SMS_REPLY_DAYS })
  if (answered.length === 0) return 0
  return db.transaction().execute(async (tx) => {
    for (const sms of answered) {
      await recordAppResponse(tx, {
        clientId: sms.clientId, programId: sms.programId, waveId: sms.waveId, offerId: sms.offerId, source: 'sms', outcome: 'reply',
        eventRef: `sms:${sms.contactId}:${reply.at.toISOString()}`, at: reply.at, operatorLogin: null, detail: reply.text.trim().slice(0, 2000) || null,
      })
    }
    return answered.length
  })
}
