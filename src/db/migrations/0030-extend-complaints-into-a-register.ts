import { sql, type Kysely } from 'kysely'

// The complaints register (issue 10, item 1) grows out of the minimal table of migration 0004.
// The work flows through `workflow_status` (contract/complaint-statuses.ts, one table of moves);
// the old `status` stays what the contact policy and the selection profile read — 'open' until the
// bank has answered (resolved or closed), then 'closed' — now computed from the workflow so that no
// writer can let the two disagree. `closed_at` stays the instant the complaint left the open
// statuses (resolution), the start of the policy's quiet period; a reopen clears it.
// Existing rows: an open one is registered, a closed one closed; the SLA of the old rows is unknown.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE complaints
      ADD COLUMN workflow_status text NOT NULL DEFAULT 'registered'
        CHECK (workflow_status IN ('registered','in_progress','awaiting_client','resolved','closed')),
      ADD COLUMN category text NOT NULL DEFAULT 'other',
      ADD COLUMN channel text NOT NULL DEFAULT 'branch'
        CHECK (channel IN ('branch','call_centre','web','letter','regulator','file')),
      ADD COLUMN severity text NOT NULL DEFAULT 'medium' CHECK (severity IN ('low','medium','high','critical')),
      ADD COLUMN subject text NOT NULL DEFAULT '',
      ADD COLUMN description text NOT NULL DEFAULT '',
      ADD COLUMN product_code text REFERENCES products(code),
      ADD COLUMN owner_id integer REFERENCES users(id),
      ADD COLUMN branch_id integer REFERENCES branches(id),
      -- The bank date by which the answer is due (working days from the day it was received).
      ADD COLUMN sla_due_on date,
      ADD COLUMN sla_working_days integer,
      -- Set once, when the complaint is first found past its due date unresolved (app/complaint/escalate-overdue-complaints.ts).
      ADD COLUMN escalated_at timestamptz,
      ADD COLUMN resolution text,
      ADD COLUMN root_cause text,
      -- Roubles and kopecks, exact (read as text).
      ADD COLUMN compensation numeric(16,2) CHECK (compensation >= 0),
      ADD COLUMN registered_by integer REFERENCES users(id),
      ADD COLUMN updated_at timestamptz;

    UPDATE complaints SET workflow_status = CASE WHEN status = 'closed' THEN 'closed' ELSE 'registered' END, updated_at = coalesce(closed_at, received_at);
    ALTER TABLE complaints DROP COLUMN status;
    ALTER TABLE complaints ADD COLUMN status text
      GENERATED ALWAYS AS (CASE WHEN workflow_status IN ('resolved','closed') THEN 'closed' ELSE 'open' END) STORED;

    CREATE INDEX complaints_received_idx ON complaints (received_at);
    CREATE INDEX complaints_open_due_idx ON complaints (sla_due_on) WHERE workflow_status NOT IN ('resolved','closed');
    CREATE INDEX complaints_id_idx ON complaints (id);

    -- Every move of a complaint, who made it and when: the registration, each status change and the escalation.
    CREATE TABLE complaint_moves (
      client_id bigint NOT NULL,
      complaint_id bigint NOT NULL,
      id bigserial NOT NULL,
      kind text NOT NULL CHECK (kind IN ('registration','move','escalation')),
      from_status text,
      to_status text NOT NULL,
      at timestamptz NOT NULL,
      user_id integer REFERENCES users(id),
      login text NOT NULL,
      note text,
      PRIMARY KEY (client_id, id),
      FOREIGN KEY (client_id, complaint_id) REFERENCES complaints (client_id, id) ON DELETE CASCADE
    );
    CREATE INDEX complaint_moves_complaint_idx ON complaint_moves (client_id, complaint_id, at);

    -- Answer deadlines in working days: the most specific row wins (a leaf, its top category, '*';
    -- a channel before '*'). Demo defaults below; the head or the admin edits them (PUT /api/complaints/sla).
    CREATE TABLE complaint_sla (
      category text NOT NULL,
      channel text NOT NULL,
      working_days integer NOT NULL CHECK (working_days BETWEEN 1 AND 90),
      PRIMARY KEY (category, channel)
    );
    INSERT INTO complaint_sla (category, channel, working_days) VALUES
      ('*', '*', 15),
      ('*', 'regulator', 5),
      ('cards.fraud', '*', 3),
      ('cards.blocked', '*', 3),
      ('remote_banking', '*', 10),
      ('service_quality', '*', 10);

    -- Who owns a new complaint: the most specific rule (a category and a branch, the category in any
    -- branch) before the default (core/complaint/route-complaint.ts).
    CREATE TABLE complaint_routes (
      id serial PRIMARY KEY,
      category text NOT NULL,
      branch_id integer REFERENCES branches(id),
      owner_id integer NOT NULL REFERENCES users(id),
      UNIQUE NULLS NOT DISTINCT (category, branch_id)
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE complaint_routes, complaint_sla, complaint_moves;
    DROP INDEX complaints_received_idx, complaints_open_due_idx, complaints_id_idx;
    ALTER TABLE complaints DROP COLUMN status;
    ALTER TABLE complaints ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed'));
    UPDATE complaints SET status = CASE WHEN workflow_status IN ('resolved','closed') THEN 'closed' ELSE 'open' END;
    ALTER TABLE complaints DROP COLUMN workflow_status, DROP COLUMN category, DROP COLUMN channel, DROP COLUMN severity,
      DROP COLUMN subject, DROP COLUMN description, DROP COLUMN product_code, DROP COLUMN owner_id, DROP COLUMN branch_id,
      DROP COLUMN sla_due_on, DROP COLUMN sla_working_days, DROP COLUMN escalated_at, DROP COLUMN resolution,
      DROP COLUMN root_cause, DROP COLUMN compensation, DROP COLUMN registered_by, DROP COLUMN updated_at;
  `.execute(db)
}
