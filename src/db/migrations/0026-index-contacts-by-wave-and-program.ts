import { sql, type Kysely } from 'kysely'

// The contact history of a wave and of a program (db/stores/contact-history-store.ts) is paged by
// keyset, newest contact first: `WHERE wave_id = $1 AND id < $2 ORDER BY id DESC LIMIT n` reads n
// index entries on these, however deep the page, where the existing (wave_id, status, client_id)
// index would sort the whole wave for every page. Partial: a contact outside a wave (a call logged
// by hand) is not in either list.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX contacts_wave_history_idx ON contacts (wave_id, id) WHERE wave_id IS NOT NULL;
    CREATE INDEX contacts_program_history_idx ON contacts (program_id, id) WHERE wave_id IS NOT NULL;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX contacts_wave_history_idx, contacts_program_history_idx`.execute(db)
}
