import { sql, type Kysely } from 'kysely'

// Churn (issue 10, item 3). churn_models keeps every trained churn model as a version — its
// encoder and coefficients, its held-out AUC and calibration — and churn_scores each client's
// probability of leaving under it; a model counts for selections (churn_score in the profile)
// only once every client is scored. churned_clients is the list the churn definition (a bank
// setting) gives as of its refresh, with the reasons the bank knows, so the list and the report
// are plain queries. Both client tables carry client_id first in the key (the Citus rule). The
// notes of kind competitor_offer (migration 0036) are among the reasons the list shows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE churn_models (
      id serial PRIMARY KEY,
      version integer NOT NULL UNIQUE,
      definition jsonb NOT NULL,
      model jsonb NOT NULL,
      metrics jsonb NOT NULL,
      trained_by integer REFERENCES users(id),
      trained_by_login text,
      trained_at timestamptz NOT NULL DEFAULT now(),
      scored_count integer,
      scored_at timestamptz
    );
    CREATE TABLE churn_scores (
      client_id bigint NOT NULL,
      model_id integer NOT NULL REFERENCES churn_models(id) ON DELETE CASCADE,
      score double precision NOT NULL,
      PRIMARY KEY (client_id, model_id)
    );
    CREATE TABLE churned_clients (
      client_id bigint NOT NULL PRIMARY KEY,
      churned_on date NOT NULL,
      criteria text[] NOT NULL,
      signals text[] NOT NULL,
      complaints integer NOT NULL,
      competitor_notes text[] NOT NULL,
      products_closed text[] NOT NULL,
      refreshed_at timestamptz NOT NULL
    );
    CREATE INDEX churned_clients_by_day ON churned_clients (churned_on);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE churned_clients, churn_scores, churn_models`.execute(db)
}
