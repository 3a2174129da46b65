import { sql, type Kysely } from 'kysely'

// The call centre's call log (issue 10, item 6): every call of the bank's call centre, the clients'
// own (inbound) and the bank's (outbound) — not the campaign call lists of a wave (migration 0023).
// Client-scoped (the Citus rule: client_id first in the key). A call is one per client and start
// time: a log loaded again updates its calls (import_id: the latest load) and adds none. The
// reason is a code of contract/call-log.ts or the call centre's own words; the outcome a code.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE calls (
      client_id bigint NOT NULL REFERENCES clients(id),
      id bigserial,
      started_at timestamptz NOT NULL,
      direction text NOT NULL DEFAULT 'inbound' CHECK (direction IN ('inbound', 'outbound')),
      phone text NOT NULL,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 100),
      duration_seconds integer NOT NULL CHECK (duration_seconds BETWEEN 0 AND 86400),
      outcome text NOT NULL CHECK (outcome IN ('resolved', 'escalated', 'callback', 'complaint', 'dropped')),
      operator text,
      import_id integer REFERENCES imports(id),
      loaded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (client_id, id),
      UNIQUE (client_id, started_at)
    );
    -- The analysis reads a period of calls; the repeat of a call is found by (client_id, started_at).
    CREATE INDEX calls_started_at_idx ON calls (started_at);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE calls`.execute(db)
}
