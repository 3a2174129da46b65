import { sql, type Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// Clicks on the offer's tracked link (migration 0025), one row per contact: the first click's time
// stays, the later ones are counted.

export type ClickedContact = { clientId: number; contactId: number; programId: number | null; waveId: number | null; offerId: number | null; target: string | null }

/** The contact a tracked link names and the page its offer version leads to; undefined when there is no such contact. */
export async function findClickedContact(db: Kysely<Schema>, input: { clientId: number; contactId: number }): Promise<ClickedContact | undefined> {
  const row = await db
    .selectFrom('contacts as c')
    .leftJoin('offers as o', 'o.id', 'c.offer_id')
    .select(['c.client_id', 'c.id', 'c.program_id', 'c.wave_id', 'c.offer_id', 'o.link_url'])
    .where('c.client_id', '=', input.clientId)
    .where('c.id', '=', input.contactId)
    .executeTakeFirst()
  return row && { clientId: Number(row.client_id), contactId: Number(row.id), programId: row.program_id, waveId: row.wave_id, offerId: row.offer_id, target: row.link_url }
}

/** Counts a click; `first` is true for the contact's first one, whose time is the response's. */
export async function upsertLinkClick(tx: Kysely<Schema>, input: { clientId: number; contactId: number; at: Date }): Promise<{ first: boolean; firstAt: Date; clicks: number }> {
  const result = await sql<{ first: boolean; first_clicked_at: Date; clicks: number }>`
    INSERT INTO link_clicks (client_id, contact_id, first_clicked_at, last_clicked_at, clicks)
    VALUES (${input.clientId}, ${input.contactId}, ${input.at}, ${input.at}, 1)
    ON CONFLICT (client_id, contact_id) DO UPDATE SET clicks = link_clicks.clicks + 1,
      last_clicked_at = greatest(link_clicks.last_clicked_at, excluded.last_clicked_at)
    RETURNING (xmax = 0) AS first, first_clicked_at, clicks`.execute(tx)
  const row = result.rows[0]!
  return { first: row.first, firstAt: new Date(row.first_clicked_at), clicks: row.clicks }
}
