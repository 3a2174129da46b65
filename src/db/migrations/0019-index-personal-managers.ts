import { sql, type Kysely } from 'kysely'

// The users list counts each personal manager's VIP clients (db/stores/user-store.ts
// countPersonalClients) and a personal manager's scope is their clients: without an index both
// read the whole client base (a million rows) for a few thousand VIP clients. Partial: most
// clients have no personal manager.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX clients_personal_manager_idx ON clients(personal_manager_id) WHERE personal_manager_id IS NOT NULL`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX clients_personal_manager_idx`.execute(db)
}
