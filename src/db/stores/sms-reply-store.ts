import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

export type RepliedSms = { clientId: number; contactId: number; programId: number; waveId: number | null; offerId: number | null }

/**
 * The SMS a reply answers, per client with the sender's phone: the latest wave SMS sent to the
 * client before the reply and at most `days` days before it (an older one is answered by nobody).
 */
export async function findRepliedSms(db: Kysely<Schema>, input: { phone: string; at: Date; days: number }): Promise<RepliedSms[]> {
  const rows = await sql<RepliedSms>`
    SELECT DISTINCT ON (t.client_id) t.client_id AS "clientId", t.id AS "contactId", t.program_id AS "programId", t.wave_id AS "waveId", t.offer_id AS "offerId"
    FROM clients c JOIN contacts t ON t.client_id = c.id
    WHERE c.phone = ${input.phone} AND t.channel = 'sms' AND t.status = 'sent' AND t.program_id IS NOT NULL
      AND t.sent_at <= ${input.at} AND t.sent_at > ${input.at}::timestamptz - make_interval(days => ${input.days})
    ORDER BY t.client_id, t.sent_at DESC, t.id DESC`.execute(db)
  return rows.rows.map((r) => ({ ...r, clientId: Number(r.clientId), contactId: Number(r.contactId) }))
}
