import { sql, type Kysely } from 'kysely'

// What the last whole-bank attribution was computed on (issue 9, item 2): a fingerprint of every
// input of the rule besides the events — the programs' definitions and windows, the waves and their
// members, the products' types. While it still holds, an import of events need only attribute the
// clients it touched (app/response/attribute-responses.ts); one row, replaced by each whole run.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE attribution_basis (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      fingerprint text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE attribution_basis`.execute(db)
}
