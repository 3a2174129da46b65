import { sql, type RawBuilder } from 'kysely'

// SQL twin of core/current-consents.ts: the consent in force is the record with the latest
// effective time before the cut-off, and at the same moment the refusal wins (false sorts first).
// The id only makes the order total for two records alike in everything that matters.
const IN_FORCE_FIRST = sql`k.effective_at DESC, k.granted ASC, k.id DESC`

/** Rows (client_id, channel, granted): the consent in force on each channel of each client. */
export function consentsInForceSql(before: RawBuilder<unknown>): RawBuilder<{ client_id: number; channel: string; granted: boolean }> {
  return sql`SELECT DISTINCT ON (k.client_id, k.channel) k.client_id, k.channel, k.granted
    FROM consents k WHERE k.effective_at < ${before}
    ORDER BY k.client_id, k.channel, ${IN_FORCE_FIRST}`
}

/** Whether one client's consent in force on the channel is a grant: null when there is no record. */
export function consentInForceSql(clientId: RawBuilder<unknown>, channel: string, before: RawBuilder<unknown>): RawBuilder<boolean | null> {
  return sql<boolean | null>`(SELECT k.granted FROM consents k WHERE k.client_id = ${clientId} AND k.channel = ${channel}
    AND k.effective_at < ${before} ORDER BY ${IN_FORCE_FIRST} LIMIT 1)`
}
