import { sql, type Kysely } from 'kysely'

// The single registry of programs (issue 7): the stub of 0004 gets its plan (goal, product, offer,
// channels, selection, owner, planned dates, budget, pilot size, business-case assumptions) and a
// closed list of statuses; every move of its lifecycle is a decision record with the numbers it
// was taken on. Programs a wave created before this migration keep status draft and no goal.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE programs
      ADD COLUMN goal text CHECK (goal IN ('acquisition','cross_sell','up_sell','retention','activation','win_back','service')),
      ADD COLUMN target_product text REFERENCES products(code),
      ADD COLUMN offer text,
      ADD COLUMN channels jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN selection_id integer REFERENCES selections(id),
      ADD COLUMN owner_id integer REFERENCES users(id),
      ADD COLUMN planned_start date,
      ADD COLUMN planned_end date,
      -- Money in integer kopecks (core/program/kopecks.ts), never a float.
      ADD COLUMN budget_kopecks bigint CHECK (budget_kopecks >= 0),
      ADD COLUMN pilot_size integer CHECK (pilot_size > 0),
      -- The assumptions as typed (roubles, rates as fractions), checked by core/program/check-business-case.ts.
      ADD COLUMN business_case jsonb NOT NULL DEFAULT '{}',
      ADD COLUMN created_by integer REFERENCES users(id),
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD CONSTRAINT programs_status_check
        CHECK (status IN ('draft','proposed','approved','pilot','evaluated','rollout','closed','cancelled')),
      ADD CONSTRAINT programs_planned_dates_check CHECK (planned_end >= planned_start);
    CREATE INDEX programs_status_idx ON programs (status);

    CREATE TABLE program_decisions (
      id serial PRIMARY KEY,
      program_id integer NOT NULL REFERENCES programs(id),
      author_id integer REFERENCES users(id),
      author_login text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      from_status text NOT NULL,
      to_status text NOT NULL,
      comment text,
      -- An approval voided by an edit: the fields that changed, [{field, before, after}].
      changes jsonb NOT NULL DEFAULT '[]',
      -- What the decision was taken on: the business case's outputs (and later the verdict's numbers).
      snapshot jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX program_decisions_program_idx ON program_decisions (program_id, id);

    -- A decision is a record: a later reader sees exactly what the head saw, so nothing rewrites it.
    CREATE FUNCTION program_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'program_decisions is append-only';
    END $$;
    CREATE TRIGGER program_decisions_no_update BEFORE UPDATE OR DELETE ON program_decisions
      FOR EACH ROW EXECUTE FUNCTION program_decisions_append_only();
    CREATE TRIGGER program_decisions_no_truncate BEFORE TRUNCATE ON program_decisions
      FOR EACH STATEMENT EXECUTE FUNCTION program_decisions_append_only();
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE program_decisions;
    DROP FUNCTION program_decisions_append_only();
    DROP INDEX programs_status_idx;
    ALTER TABLE programs
      DROP CONSTRAINT programs_status_check,
      DROP CONSTRAINT programs_planned_dates_check,
      DROP COLUMN goal, DROP COLUMN target_product, DROP COLUMN offer, DROP COLUMN channels,
      DROP COLUMN selection_id, DROP COLUMN owner_id, DROP COLUMN planned_start, DROP COLUMN planned_end,
      DROP COLUMN budget_kopecks, DROP COLUMN pilot_size, DROP COLUMN business_case, DROP COLUMN created_by,
      DROP COLUMN updated_at;
  `.execute(db)
}
