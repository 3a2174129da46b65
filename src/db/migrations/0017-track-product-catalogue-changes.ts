import { sql, type Kysely } from 'kysely'

// The head and the admin keep the product catalogue (PATCH /api/products/:code): each product says
// when its terms were last changed and by whom; the audit log keeps every change with before and
// after. Products from before this migration were never changed through the catalogue: null.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE products ADD COLUMN updated_at timestamptz;
    ALTER TABLE products ADD COLUMN updated_by integer REFERENCES users(id);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE products DROP COLUMN updated_by;
    ALTER TABLE products DROP COLUMN updated_at;
  `.execute(db)
}
