import { sql, type Kysely } from 'kysely'

// The client base: reference tables (regions, branches, products, users) and client-scoped tables.
// Citus rule (DESIGN.md): every client-scoped table carries client_id and has it in its primary key.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE regions (
      code text PRIMARY KEY,
      name text NOT NULL,
      -- Hours from UTC: quiet hours for calls and SMS are kept in the client's own time zone.
      utc_offset smallint NOT NULL DEFAULT 3
    );

    CREATE TABLE branches (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      region_code text NOT NULL REFERENCES regions(code),
      city text,
      address text
    );

    CREATE TABLE users (
      id serial PRIMARY KEY,
      login text NOT NULL UNIQUE,
      full_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('head','manager','client_economist','analyst',
        'program_economist','marketer','operator','branch','admin','auditor')),
      branch_id integer REFERENCES branches(id),
      password_hash text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE sessions (
      token_hash text PRIMARY KEY,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    );
    CREATE INDEX sessions_user_idx ON sessions(user_id);

    -- Failed logins, counted per login over a sliding window to throttle password guessing.
    CREATE TABLE login_failures (
      login text NOT NULL,
      failed_at timestamptz NOT NULL
    );
    CREATE INDEX login_failures_login_idx ON login_failures(login, failed_at);

    CREATE TABLE products (
      code text PRIMARY KEY,
      type text NOT NULL CHECK (type IN ('current_account','debit_card','credit_card','consumer_loan',
        'car_loan','mortgage','term_deposit','savings_account','investment','insurance','remote_banking')),
      name text NOT NULL,
      -- Margin assumptions for business cases (annual rates as fractions; see DOMAIN.md).
      ftp_rate numeric(8,5),
      client_rate numeric(8,5),
      fee_rate numeric(8,5),
      probability_of_default numeric(8,5),
      loss_given_default numeric(8,5),
      lifetime_months integer,
      active boolean NOT NULL DEFAULT true
    );

    CREATE TABLE clients (
      id bigserial PRIMARY KEY,
      bank_id text NOT NULL UNIQUE,
      full_name text NOT NULL,
      birth_date date,
      gender text CHECK (gender IN ('M','F')),
      -- Phones are stored as digits only, country code first (79123456789), so every format matches.
      phone text,
      email text,
      address text,
      region_code text REFERENCES regions(code),
      branch_id integer REFERENCES branches(id),
      client_since date,
      monthly_income numeric(14,2),
      segment text NOT NULL DEFAULT 'mass' CHECK (segment IN ('mass','mass_affluent','premium','private')),
      vip boolean NOT NULL DEFAULT false,
      personal_manager_id integer REFERENCES users(id),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','churned','deceased')),
      status_date date,
      status_reason text,
      do_not_contact boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    -- Name search is by prefix of any word typed in order, so a pattern index on the lowered name.
    CREATE INDEX clients_name_idx ON clients (lower(full_name) text_pattern_ops);
    CREATE INDEX clients_phone_idx ON clients (phone);
    CREATE INDEX clients_branch_idx ON clients (branch_id);

    CREATE TABLE holdings (
      client_id bigint NOT NULL REFERENCES clients(id),
      id bigserial NOT NULL,
      -- The bank's own account or contract number: the key an import upserts by.
      account_no text NOT NULL,
      product_code text NOT NULL REFERENCES products(code),
      opened_at date NOT NULL,
      closed_at date,
      balance numeric(16,2) NOT NULL DEFAULT 0,
      credit_limit numeric(16,2),
      PRIMARY KEY (client_id, id),
      UNIQUE (client_id, account_no)
    );
    CREATE INDEX holdings_product_idx ON holdings (product_code);

    CREATE TABLE activity (
      client_id bigint NOT NULL REFERENCES clients(id),
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      turnover numeric(16,2) NOT NULL DEFAULT 0,
      transactions integer NOT NULL DEFAULT 0,
      card_spend numeric(16,2) NOT NULL DEFAULT 0,
      mobile_logins integer NOT NULL DEFAULT 0,
      branch_visits integer NOT NULL DEFAULT 0,
      PRIMARY KEY (client_id, month)
    );

    -- Consents are a history: each row is what the client said on one channel at one moment.
    -- The current consent is the row with the latest effective_at, so an old export appended later
    -- never overrides a newer opt-out.
    CREATE TABLE consents (
      client_id bigint NOT NULL REFERENCES clients(id),
      id bigserial NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email','sms','call','letter')),
      granted boolean NOT NULL,
      effective_at timestamptz NOT NULL,
      source text,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (client_id, id),
      UNIQUE (client_id, channel, effective_at, granted)
    );

    CREATE TABLE notes (
      client_id bigint NOT NULL REFERENCES clients(id),
      id bigserial NOT NULL,
      author_id integer REFERENCES users(id),
      kind text NOT NULL DEFAULT 'other' CHECK (kind IN ('life_event','intent','service','other')),
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (client_id, id)
    );

    CREATE TABLE audit_events (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      user_id integer,
      login text,
      action text NOT NULL,
      entity text,
      entity_id text,
      details jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_events_at_idx ON audit_events (at DESC);

    -- The audit log is append-only: the database itself refuses to change or remove an event.
    CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only';
    END $$;
    CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

    CREATE TABLE imports (
      id serial PRIMARY KEY,
      kind text NOT NULL,
      file_name text NOT NULL,
      user_id integer REFERENCES users(id),
      login text,
      dry_run boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running','done','failed')),
      rows_read integer NOT NULL DEFAULT 0,
      loaded integer NOT NULL DEFAULT 0,
      rejected integer NOT NULL DEFAULT 0,
      error text,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );

    -- Rejected rows keep their original cells so that the user can download, fix and re-import them.
    CREATE TABLE import_rejections (
      id bigserial PRIMARY KEY,
      import_id integer NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
      file text,
      line integer NOT NULL,
      reason text NOT NULL,
      -- The row as read, header name → cell, for the download of rejected rows.
      cells jsonb
    );
    CREATE INDEX import_rejections_import_idx ON import_rejections (import_id, id);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE import_rejections, imports, audit_events, notes, consents, activity, holdings,
      clients, products, login_failures, sessions, users, branches, regions;
    DROP FUNCTION audit_events_append_only();
  `.execute(db)
}
