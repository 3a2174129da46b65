import { sql, type Kysely } from 'kysely'

// A program's chosen rollout plan (issue 7, item 8): the inputs as typed (capacity, dates, wave
// size, budgets in roubles) and the plan they gave when it was saved — waves, what was left out and
// why, the case on the planned reach — so that a later reader sees the plan that was chosen even
// after the case moves. One per program; saving again replaces it, and every save is an audit event.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE program_rollout_plans (
      program_id integer PRIMARY KEY REFERENCES programs(id),
      inputs jsonb NOT NULL,
      plan jsonb NOT NULL,
      saved_by integer REFERENCES users(id),
      saved_by_login text NOT NULL,
      saved_at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE program_rollout_plans;`.execute(db)
}
