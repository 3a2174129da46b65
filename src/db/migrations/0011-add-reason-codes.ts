import { sql, type Kysely } from 'kysely'

// Rejections and failed imports keep their reasons as codes with parameters (contract/reason-codes.ts)
// beside the English text, so that the web, the CLI and the rejected rows file tell them in the
// reader's language: [{"code": "import.bad_date", "column": "Дата рождения", "value": "31.02.1990"}].
// Rows written before this migration have NULL and are shown by their text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE import_rejections ADD COLUMN reasons jsonb;
    ALTER TABLE imports ADD COLUMN error_reason jsonb;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE import_rejections DROP COLUMN reasons;
    ALTER TABLE imports DROP COLUMN error_reason;
  `.execute(db)
}
