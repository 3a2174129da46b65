import { sql, type Kysely } from 'kysely'

// Imports and profile refreshes run as pg-boss jobs (issue 8, item 2); exactly-once stays in these
// rows, not in the queue. An uploaded import is `queued` until a worker takes it; `job_input` is
// what the worker needs to run it (the kept upload, mapping, encoding, the bank day), so a run cut by
// a restart can be started over; `attempts` counts the starts. `sweep_started_at` lets a full
// refresh requested while another one already started after it join that one instead of running
// twice; `sweep_refreshed` is the full refresh's progress.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE imports DROP CONSTRAINT imports_status_check;
    ALTER TABLE imports ADD CONSTRAINT imports_status_check CHECK (status IN ('queued','running','done','failed','interrupted'));
    ALTER TABLE imports ADD COLUMN job_input jsonb;
    ALTER TABLE imports ADD COLUMN attempts integer NOT NULL DEFAULT 1;
    ALTER TABLE profile_state ADD COLUMN sweep_started_at timestamptz;
    ALTER TABLE profile_state ADD COLUMN sweep_refreshed bigint NOT NULL DEFAULT 0;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE imports SET status = 'interrupted' WHERE status = 'queued';
    ALTER TABLE imports DROP CONSTRAINT imports_status_check;
    ALTER TABLE imports ADD CONSTRAINT imports_status_check CHECK (status IN ('running','done','failed','interrupted'));
    ALTER TABLE imports DROP COLUMN job_input;
    ALTER TABLE imports DROP COLUMN attempts;
    ALTER TABLE profile_state DROP COLUMN sweep_started_at;
    ALTER TABLE profile_state DROP COLUMN sweep_refreshed;
  `.execute(db)
}
