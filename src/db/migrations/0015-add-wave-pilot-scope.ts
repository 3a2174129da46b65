import { sql, type Kysely } from 'kysely'

// A pilot wave may take a random sample of its selection, or only chosen branches or regions
// (issue 7, item 5): the scope is frozen with the wave, so that a rebuild draws the same members.
// eligible_count keeps how many clients the selection gave after the contact policy, before the
// scope cut it: the audience the business case and the pilot design read is the selection's, not
// the pilot's. Waves built before this migration have neither (their members are the selection).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE waves
      ADD COLUMN scope jsonb,
      ADD COLUMN eligible_count integer CHECK (eligible_count >= 0);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE waves DROP COLUMN scope, DROP COLUMN eligible_count;`.execute(db)
}
