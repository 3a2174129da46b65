import { sql, type Kysely } from 'kysely'

// The uplift model that aims the next wave (issue 9, item 4): each model trained on a past wave's
// target and control is kept as a version of its program's models — its encoder and coefficients,
// its held-out metrics — and every client of the base gets its score. client_scores is
// client-scoped (the Citus rule: client_id first in the key). A model counts for selections only
// once every client is scored (scored_at), so a rule never reads a half-written model.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE uplift_models (
      id serial PRIMARY KEY,
      program_id integer NOT NULL REFERENCES programs(id),
      version integer NOT NULL,
      wave_id integer NOT NULL REFERENCES waves(id),
      response_type text NOT NULL,
      approach text NOT NULL CHECK (approach IN ('two_model', 'class_transformation')),
      model jsonb NOT NULL,
      metrics jsonb NOT NULL,
      trained_by integer REFERENCES users(id),
      trained_by_login text,
      trained_at timestamptz NOT NULL DEFAULT now(),
      scored_count integer,
      scored_at timestamptz,
      UNIQUE (program_id, version)
    );
    CREATE TABLE client_scores (
      client_id bigint NOT NULL,
      model_id integer NOT NULL REFERENCES uplift_models(id) ON DELETE CASCADE,
      score double precision NOT NULL,
      PRIMARY KEY (client_id, model_id)
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE client_scores, uplift_models`.execute(db)
}
