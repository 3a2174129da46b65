import { sql, type Kysely } from 'kysely'

// What branches hear and what the analyst asks of IT (issue 10, items 5 and 7).
// - A note may record a competitor's offer the client mentioned (kind competitor_offer): a churn reason.
// - A special request: a product or condition the bank does not offer, heard by a branch, with its
//   category (contract/request-categories.ts) and the client's segment when it was heard, so that
//   counts over time do not move when the client later changes segment. Client-scoped (client_id
//   in the primary key, the Citus rule).
// - Product ideas curated by the client economist, each with the requests that are its evidence;
//   the status moves by one table (contract/product-idea-statuses.ts).
// - Data tasks for IT from the analyst: the clients (a count or a saved selection) or the fields
//   concerned, an owner in IT, a due date, a status by one table (contract/it-task-statuses.ts), comments.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE notes DROP CONSTRAINT notes_kind_check;
    ALTER TABLE notes ADD CONSTRAINT notes_kind_check CHECK (kind IN ('life_event','intent','service','other','competitor_offer'));

    CREATE TABLE client_requests (
      client_id bigint NOT NULL REFERENCES clients(id),
      id bigserial NOT NULL,
      -- The branch that heard it: the author's own, else the client's.
      branch_id integer REFERENCES branches(id),
      segment text NOT NULL,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
      -- Checked at the edge against contract/product-types.ts and request-categories.ts, so that a
      -- category added to the list needs no migration.
      product_type text,
      category text NOT NULL,
      author_id integer REFERENCES users(id),
      author_login text NOT NULL,
      created_at timestamptz NOT NULL,
      categorised_by text,
      categorised_at timestamptz,
      PRIMARY KEY (client_id, id)
    );
    -- The API names a request by its id alone (a bigserial, unique by itself).
    CREATE INDEX client_requests_id_idx ON client_requests (id);
    CREATE INDEX client_requests_created_idx ON client_requests (created_at);
    CREATE INDEX client_requests_branch_idx ON client_requests (branch_id, created_at);

    CREATE TABLE product_ideas (
      id serial PRIMARY KEY,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '',
      product_type text,
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','studying','proposed','accepted','rejected')),
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      status_changed_at timestamptz NOT NULL
    );

    CREATE TABLE product_idea_requests (
      idea_id integer NOT NULL REFERENCES product_ideas(id) ON DELETE CASCADE,
      client_id bigint NOT NULL,
      request_id bigint NOT NULL,
      linked_by text NOT NULL,
      linked_at timestamptz NOT NULL,
      PRIMARY KEY (idea_id, client_id, request_id),
      FOREIGN KEY (client_id, request_id) REFERENCES client_requests(client_id, id)
    );
    CREATE INDEX product_idea_requests_request_idx ON product_idea_requests (client_id, request_id);

    CREATE TABLE it_tasks (
      id serial PRIMARY KEY,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '',
      kind text NOT NULL CHECK (kind IN ('new_field','data_fix','extract')),
      client_count integer CHECK (client_count > 0),
      selection_id integer REFERENCES selections(id),
      fields text[] NOT NULL DEFAULT '{}',
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','in_progress','done','cancelled')),
      owner text,
      due_date date,
      created_by integer REFERENCES users(id),
      created_by_login text NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      closed_at timestamptz,
      CHECK (client_count IS NULL OR selection_id IS NULL)
    );
    CREATE INDEX it_tasks_status_idx ON it_tasks (status, due_date);

    CREATE TABLE it_task_comments (
      task_id integer NOT NULL REFERENCES it_tasks(id) ON DELETE CASCADE,
      id serial NOT NULL,
      author_id integer REFERENCES users(id),
      author_login text NOT NULL,
      at timestamptz NOT NULL,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      PRIMARY KEY (task_id, id)
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE it_task_comments;
    DROP TABLE it_tasks;
    DROP TABLE product_idea_requests;
    DROP TABLE product_ideas;
    DROP TABLE client_requests;
    DELETE FROM notes WHERE kind = 'competitor_offer';
    ALTER TABLE notes DROP CONSTRAINT notes_kind_check;
    ALTER TABLE notes ADD CONSTRAINT notes_kind_check CHECK (kind IN ('life_event','intent','service','other'));
  `.execute(db)
}
