import { sql, type Kysely } from 'kysely'

// The selection profile is refreshed for the clients whose facts changed, in short batches, by
// one writer at a time (app/selection/update-profile.ts). The database itself records which
// clients changed: a trigger on every table the profile is built from adds the client to
// profile_dirty_clients in the same transaction as the change, so no writer can forget it.
// Each batch takes the next number of profile_version_seq; the DuckDB mirror copies the rows of
// the batches it has not seen yet (client_profile.profile_version).
const CLIENT_TABLES = ['holdings', 'activity', 'consents', 'contacts', 'responses', 'complaints']

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE SEQUENCE profile_version_seq;

    -- One row: the day the profile is computed as of, the last batch written, and the last batch
    -- after which nothing was waiting (a consistent profile: what counts may trust).
    CREATE TABLE profile_state (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      as_of date NOT NULL,
      version bigint NOT NULL,
      consistent_version bigint,
      clients integer NOT NULL DEFAULT 0,
      -- A full rebuild in progress: clients with an id from this one on are still to be refreshed.
      sweep_from bigint,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    -- Clients whose profile row is out of date. No foreign key: a removed client is refreshed too
    -- (its row goes).
    CREATE TABLE profile_dirty_clients (client_id bigint PRIMARY KEY);

    ALTER TABLE client_profile ADD COLUMN profile_version bigint NOT NULL DEFAULT 0;
    -- The profile is derived from clients by the refresh alone, which writes only clients that
    -- exist and removes the row of one that goes; the row-by-row check cost a fifth of each batch.
    ALTER TABLE client_profile DROP CONSTRAINT client_profile_client_id_fkey;
    CREATE INDEX client_profile_version_idx ON client_profile (profile_version);

    CREATE FUNCTION mark_profile_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO profile_dirty_clients SELECT DISTINCT client_id FROM old_rows ON CONFLICT DO NOTHING;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO profile_dirty_clients SELECT DISTINCT client_id FROM new_rows ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$;

    CREATE FUNCTION mark_client_profile_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO profile_dirty_clients SELECT id FROM old_rows ON CONFLICT DO NOTHING;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO profile_dirty_clients SELECT id FROM new_rows ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$;

    -- A branch's code and a product's type are copied into the profile of their clients.
    CREATE FUNCTION mark_branch_clients_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO profile_dirty_clients SELECT id FROM clients WHERE branch_id = NEW.id ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$;
    CREATE TRIGGER branches_profile_dirty AFTER UPDATE OF code ON branches
      FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION mark_branch_clients_dirty();

    CREATE FUNCTION mark_product_holders_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO profile_dirty_clients SELECT DISTINCT client_id FROM holdings WHERE product_code = NEW.code ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$;
    CREATE TRIGGER products_profile_dirty AFTER UPDATE OF type ON products
      FOR EACH ROW WHEN (OLD.type IS DISTINCT FROM NEW.type) EXECUTE FUNCTION mark_product_holders_dirty();
  `.execute(db)
  await createStatementTriggers(db, 'clients', 'mark_client_profile_dirty')
  for (const table of CLIENT_TABLES) await createStatementTriggers(db, table, 'mark_profile_dirty')
  // A database whose profile was built before this migration keeps it, as one consistent version.
  await sql`
    WITH v AS (SELECT nextval('profile_version_seq') AS n)
    INSERT INTO profile_state (as_of, version, consistent_version, clients)
    SELECT (value->>'asOf')::date, v.n, v.n, (SELECT count(*) FROM client_profile)
    FROM bank_settings, v WHERE key = 'profile' AND value->>'asOf' IS NOT NULL;
    UPDATE client_profile SET profile_version = (SELECT version FROM profile_state);
  `.execute(db)
}

// Transition tables allow one event per trigger: three triggers per table, one function.
async function createStatementTriggers(db: Kysely<unknown>, table: string, fn: string): Promise<void> {
  const t = sql.raw(table)
  const f = sql.raw(fn)
  await sql`
    CREATE TRIGGER ${sql.raw(`${table}_profile_dirty_insert`)} AFTER INSERT ON ${t}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${f}();
    CREATE TRIGGER ${sql.raw(`${table}_profile_dirty_update`)} AFTER UPDATE ON ${t}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${f}();
    CREATE TRIGGER ${sql.raw(`${table}_profile_dirty_delete`)} AFTER DELETE ON ${t}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${f}();
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['clients', ...CLIENT_TABLES]) {
    for (const event of ['insert', 'update', 'delete']) await sql`DROP TRIGGER ${sql.raw(`${table}_profile_dirty_${event}`)} ON ${sql.raw(table)}`.execute(db)
  }
  await sql`
    DROP TRIGGER branches_profile_dirty ON branches;
    DROP TRIGGER products_profile_dirty ON products;
    DROP FUNCTION mark_profile_dirty(), mark_client_profile_dirty(), mark_branch_clients_dirty(), mark_product_holders_dirty();
    DROP INDEX client_profile_version_idx;
    DELETE FROM client_profile p WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = p.client_id);
    ALTER TABLE client_profile ADD CONSTRAINT client_profile_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients(id);
    ALTER TABLE client_profile DROP COLUMN profile_version;
    DROP TABLE profile_dirty_clients, profile_state;
    DROP SEQUENCE profile_version_seq;
  `.execute(db)
}
