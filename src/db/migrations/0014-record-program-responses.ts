import { sql, type Kysely } from 'kysely'

// Responses of a program (issue 7, item 7): a closed list of types, an exact value in roubles, and
// where each row came from. A response is one per client, program, type and time: re-importing a
// file, or recording the same response through the API, updates its value instead of counting it
// twice. The import records its program, so that the history shows it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE responses RENAME COLUMN kind TO type;
    -- 0004's default 'response' is the type now called reply.
    UPDATE responses SET type = 'reply' WHERE type NOT IN ('reply','visit','application','conversion','spend','balance');
    ALTER TABLE responses ALTER COLUMN type SET DEFAULT 'reply';
    ALTER TABLE responses ADD CONSTRAINT responses_type_check
      CHECK (type IN ('reply','visit','application','conversion','spend','balance'));
    ALTER TABLE responses
      ADD COLUMN value numeric(16,2) CONSTRAINT responses_value_check CHECK (value >= 0),
      ADD COLUMN source text NOT NULL DEFAULT 'api' CONSTRAINT responses_source_check CHECK (source IN ('import','api')),
      ADD COLUMN import_id integer REFERENCES imports(id),
      ADD COLUMN recorded_by integer REFERENCES users(id),
      ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();
    ALTER TABLE responses ADD CONSTRAINT responses_value_required
      CHECK (type NOT IN ('spend','balance') OR value IS NOT NULL);
    -- Rows written before the key existed: keep the first of each.
    DELETE FROM responses r USING responses o
      WHERE o.client_id = r.client_id AND o.program_id IS NOT DISTINCT FROM r.program_id AND o.type = r.type
        AND o.responded_at = r.responded_at AND o.id < r.id;
    -- The natural key, client first (the Citus rule: a unique key holds the distribution column).
    CREATE UNIQUE INDEX responses_natural_key ON responses (client_id, program_id, type, responded_at) NULLS NOT DISTINCT;
    -- The verdict's summary reads a program's responses by wave.
    CREATE INDEX responses_program_wave_idx ON responses (program_id, wave_id, type);
    -- Attribution looks up the waves of one program a client is a member of.
    CREATE INDEX waves_program_idx ON waves (program_id, built_at);
    ALTER TABLE imports ADD COLUMN program_id integer REFERENCES programs(id);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE imports DROP COLUMN program_id;
    DROP INDEX waves_program_idx;
    DROP INDEX responses_program_wave_idx;
    DROP INDEX responses_natural_key;
    ALTER TABLE responses DROP CONSTRAINT responses_value_required, DROP CONSTRAINT responses_type_check,
      DROP COLUMN value, DROP COLUMN source, DROP COLUMN import_id, DROP COLUMN recorded_by, DROP COLUMN recorded_at;
    ALTER TABLE responses ALTER COLUMN type SET DEFAULT 'response';
    ALTER TABLE responses RENAME COLUMN type TO kind;
  `.execute(db)
}
