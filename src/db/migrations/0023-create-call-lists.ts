import { sql, type Kysely } from 'kysely'

// The call centre (issue 8, item 5). A call wave's target members become call tasks, one per
// (client, wave), each with a priority, the operator it is assigned to (NULL: anyone's), the
// attempts made and when the next one is due. Every dial is a call attempt with its technical
// outcome and, when the client was reached, its business outcome; a "call back at…" is a callback
// on the task's queue, for its operator only or for anyone. A program has its own attempt policy
// and its own do-not-call list; the bank-level do-not-call is a consent refusal on channel `call`
// (consents), which the contact policy reads at once. Client-scoped tables carry client_id first
// in their primary key (DESIGN.md, the Citus rules).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE call_policies (
      program_id integer PRIMARY KEY REFERENCES programs(id),
      -- contract/call-centre-schemas.ts callPolicySchema: max attempts, redial minutes per outcome.
      policy jsonb NOT NULL,
      updated_by integer REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE call_tasks (
      client_id bigint NOT NULL REFERENCES clients(id),
      wave_id integer NOT NULL REFERENCES waves(id),
      program_id integer NOT NULL REFERENCES programs(id),
      priority integer NOT NULL DEFAULT 0,
      operator_id integer REFERENCES users(id),
      -- open: waits for its next attempt; in_call: an operator holds it; done: reached and settled;
      -- exhausted: the attempts ran out unreached; closed: the program ended or a wrong number;
      -- removed: the contact policy (a refusal, a complaint, do-not-call) took the client off.
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_call', 'done', 'exhausted', 'closed', 'removed')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at timestamptz NOT NULL,
      -- A callback "only me" keeps the task for the operator who promised it.
      reserved_for integer REFERENCES users(id),
      claimed_by integer REFERENCES users(id),
      claimed_at timestamptz,
      last_technical text,
      last_business text,
      close_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (client_id, wave_id)
    );
    CREATE INDEX call_tasks_due_idx ON call_tasks (status, next_attempt_at, priority DESC) WHERE status = 'open';
    CREATE INDEX call_tasks_wave_idx ON call_tasks (wave_id, status);

    CREATE TABLE call_attempts (
      client_id bigint NOT NULL REFERENCES clients(id),
      id bigserial NOT NULL,
      wave_id integer NOT NULL REFERENCES waves(id),
      operator_id integer REFERENCES users(id),
      operator_login text NOT NULL,
      technical text NOT NULL CHECK (technical IN ('connected', 'no_answer', 'busy', 'wrong_number', 'answering_machine')),
      business text CHECK (business IN ('refused', 'interested', 'agreed', 'callback', 'complaint', 'do_not_call')),
      CHECK ((technical = 'connected') = (business IS NOT NULL)),
      started_at timestamptz NOT NULL,
      ended_at timestamptz NOT NULL,
      handle_seconds integer NOT NULL CHECK (handle_seconds >= 0),
      note text,
      -- workspace: an operator's call; import: a row of an external call centre's file.
      source text NOT NULL DEFAULT 'workspace' CHECK (source IN ('workspace', 'import')),
      PRIMARY KEY (client_id, id)
    );
    CREATE INDEX call_attempts_wave_idx ON call_attempts (wave_id, operator_id);

    CREATE TABLE callbacks (
      client_id bigint NOT NULL REFERENCES clients(id),
      id bigserial NOT NULL,
      wave_id integer NOT NULL REFERENCES waves(id),
      due_at timestamptz NOT NULL,
      only_me boolean NOT NULL,
      operator_id integer REFERENCES users(id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'cancelled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (client_id, id)
    );
    CREATE INDEX callbacks_due_idx ON callbacks (status, due_at) WHERE status = 'pending';

    CREATE TABLE program_do_not_call (
      client_id bigint NOT NULL REFERENCES clients(id),
      program_id integer NOT NULL REFERENCES programs(id),
      recorded_by integer REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      source text NOT NULL,
      PRIMARY KEY (client_id, program_id)
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE program_do_not_call, callbacks, call_attempts, call_tasks, call_policies;`.execute(db)
}
