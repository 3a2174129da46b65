import { sql, type Kysely } from 'kysely'

// Failed logins are counted per login and client address, and per address (core/login-throttle.ts):
// a failure records where it came from. Rows from before this migration have no address and count
// for nobody's address (they leave the 15-minute window soon enough).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE login_failures ADD COLUMN address text;
    CREATE INDEX login_failures_address_idx ON login_failures(address, failed_at);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX login_failures_address_idx;
    ALTER TABLE login_failures DROP COLUMN address;
  `.execute(db)
}
