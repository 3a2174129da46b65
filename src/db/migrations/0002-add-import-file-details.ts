import { sql, type Kysely } from 'kysely'

// What an import read, so that its history shows progress and its rejected rows download with the
// original header: the file's encoding and delimiter, bytes read of the total (progress), and per
// source file its header and counts (a Berka import reads several files).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE imports
      ADD COLUMN encoding text,
      ADD COLUMN delimiter text,
      ADD COLUMN bytes_read bigint NOT NULL DEFAULT 0,
      ADD COLUMN bytes_total bigint,
      -- {"clients.csv": {"headers": ["ИД клиента", …], "loaded": n, "rejected": m}, …}
      ADD COLUMN files jsonb NOT NULL DEFAULT '{}';
    CREATE INDEX imports_started_idx ON imports (started_at DESC, id DESC);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX imports_started_idx;
    ALTER TABLE imports DROP COLUMN encoding, DROP COLUMN delimiter, DROP COLUMN bytes_read,
      DROP COLUMN bytes_total, DROP COLUMN files;
  `.execute(db)
}
