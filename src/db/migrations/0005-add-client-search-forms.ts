import { sql, type Kysely } from 'kysely'

// Search as people type (issue 6, item 14). The client list searches normal forms that PostgreSQL
// keeps itself, as generated columns, with the indexes PostgreSQL offers for them:
//   search_name  the full name lower-cased, ё as е, words split at spaces and punctuation, so that
//                «Семенова Юлия», «юлия семёнова» and «Семёнова Ю.» all find «Семёнова Юлия»;
//                a trigram index (pg_trgm) serves "a word starting with …" in any position
//                (a regular expression `(^| )ив`: pg_trgm keeps the padded trigrams of word starts).
//   bank_id_key  the bank id upper-cased with the leading zeros of each number dropped, so that
//                «c-1» finds «C-0001».
// A trigram index on the phone finds a number by its last digits («645-13-52»), and one on the
// lower-cased e-mail finds an address as typed. WARNING: core/search-normal-form.ts is the twin of
// these expressions (search-normal-form.db.test.ts holds them equal); client-store.ts queries them.
// The name-tail indexes of 0003 are replaced by the trigram index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    ALTER TABLE clients
      ADD COLUMN search_name text GENERATED ALWAYS AS
        (btrim(regexp_replace(translate(lower(full_name), 'ё', 'е'), '[- \t.,;:''"«»()/]+', ' ', 'g'))) STORED,
      ADD COLUMN bank_id_key text GENERATED ALWAYS AS
        (regexp_replace(upper(bank_id), '(^|[^0-9])0+([0-9])', '\\1\\2', 'g')) STORED;
    CREATE INDEX clients_search_name_trgm_idx ON clients USING gin (search_name gin_trgm_ops);
    CREATE INDEX clients_bank_id_key_idx ON clients (bank_id_key);
    CREATE INDEX clients_phone_trgm_idx ON clients USING gin (phone gin_trgm_ops);
    CREATE INDEX clients_email_idx ON clients (lower(email));
    DROP INDEX clients_name_tail2_idx, clients_name_tail3_idx;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX clients_search_name_trgm_idx, clients_bank_id_key_idx, clients_phone_trgm_idx, clients_email_idx;
    ALTER TABLE clients DROP COLUMN search_name, DROP COLUMN bank_id_key;
    CREATE INDEX clients_name_tail2_idx ON clients
      ((substring(lower(full_name) from '^[^ ]+ +(.*)$')) text_pattern_ops);
    CREATE INDEX clients_name_tail3_idx ON clients
      ((substring(lower(full_name) from '^[^ ]+ +[^ ]+ +(.*)$')) text_pattern_ops);
  `.execute(db)
}
