import { sql, type Kysely } from 'kysely'

// Selections (issue 3): the per-client profile they are counted on, saved selections, a minimal
// program record, the contact policy, waves and their members, and the contact, response and
// complaint history the policy is applied to (later issues extend these tables).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Each product code gets a stable bit in client_profile.product_mask, assigned at refresh.
    ALTER TABLE products ADD COLUMN profile_bit smallint UNIQUE CHECK (profile_bit BETWEEN 0 AND 62);

    CREATE TABLE bank_settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE programs (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      status text NOT NULL DEFAULT 'draft',
      -- The seed of the control-group hash: fixed when the program is created, never changed.
      seed text NOT NULL,
      control_share numeric(5,4) NOT NULL DEFAULT 0.1 CHECK (control_share > 0 AND control_share < 1),
      include_holdout boolean NOT NULL DEFAULT false,
      policy_overrides jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE selections (
      id serial PRIMARY KEY,
      name text NOT NULL UNIQUE,
      description text,
      rule jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    -- Every change of the global contact policy is a new version; a wave records the one it used.
    CREATE TABLE contact_policies (
      version serial PRIMARY KEY,
      rules jsonb NOT NULL,
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE waves (
      id serial PRIMARY KEY,
      program_id integer NOT NULL REFERENCES programs(id),
      kind text NOT NULL DEFAULT 'pilot' CHECK (kind IN ('pilot','rollout')),
      channel text NOT NULL CHECK (channel IN ('email','sms','call','letter')),
      selection_id integer REFERENCES selections(id),
      selection_version integer,
      rule jsonb NOT NULL,
      policy_version integer NOT NULL REFERENCES contact_policies(version),
      -- The policy as applied: the global version merged with the program's overrides.
      policy jsonb NOT NULL,
      seed text NOT NULL,
      control_share numeric(5,4) NOT NULL,
      include_holdout boolean NOT NULL,
      stratify_by text CHECK (stratify_by IN ('segment')),
      -- The day rules and policy windows were evaluated for; a rebuild uses the same day.
      as_of date NOT NULL,
      target_count integer NOT NULL DEFAULT 0,
      control_count integer NOT NULL DEFAULT 0,
      funnel jsonb NOT NULL DEFAULT '[]',
      built_by integer REFERENCES users(id),
      built_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE wave_members (
      client_id bigint NOT NULL REFERENCES clients(id),
      wave_id integer NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
      "group" text NOT NULL CHECK ("group" IN ('target','control')),
      PRIMARY KEY (client_id, wave_id)
    );
    CREATE INDEX wave_members_wave_idx ON wave_members (wave_id, "group");

    CREATE TABLE contacts (
      client_id bigint NOT NULL REFERENCES clients(id),
      id bigserial NOT NULL,
      program_id integer REFERENCES programs(id),
      wave_id integer REFERENCES waves(id),
      channel text NOT NULL CHECK (channel IN ('email','sms','call','letter')),
      sent_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'sent',
      idempotency_key text,
      PRIMARY KEY (client_id, id),
      UNIQUE (client_id, idempotency_key)
    );
    CREATE INDEX contacts_client_sent_idx ON contacts (client_id, sent_at);

    CREATE TABLE responses (
      client_id bigint NOT NULL REFERENCES clients(id),
      id bigserial NOT NULL,
      program_id integer REFERENCES programs(id),
      wave_id integer REFERENCES waves(id),
      responded_at timestamptz NOT NULL,
      kind text NOT NULL DEFAULT 'response',
      PRIMARY KEY (client_id, id)
    );

    CREATE TABLE complaints (
      client_id bigint NOT NULL REFERENCES clients(id),
      id bigserial NOT NULL,
      received_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
      closed_at timestamptz,
      PRIMARY KEY (client_id, id)
    );

    -- One row per client with the facts selections ask about, so a count scans one table instead
    -- of joining millions of holdings, activity and consent rows on every keystroke.
    CREATE TABLE client_profile (
      client_id bigint PRIMARY KEY REFERENCES clients(id),
      -- client attributes, copied so that a selection reads one table
      birth_date date,
      gender text,
      region_code text,
      branch_code text,
      segment text NOT NULL,
      income double precision,
      client_since date,
      status text NOT NULL,
      vip boolean NOT NULL,
      do_not_contact boolean NOT NULL,
      -- holdings: a bit per open product code and per product type answers holds / holds_not
      product_mask bigint NOT NULL DEFAULT 0,
      type_mask integer NOT NULL DEFAULT 0,
      product_count integer NOT NULL DEFAULT 0,
      deposit_balance double precision NOT NULL DEFAULT 0,
      loan_balance double precision NOT NULL DEFAULT 0,
      credit_limit double precision NOT NULL DEFAULT 0,
      last_opened_on date,
      last_closed_on date,
      -- activity over the last complete months before the refresh
      turnover_1m double precision NOT NULL DEFAULT 0,
      turnover_3m double precision NOT NULL DEFAULT 0,
      turnover_12m double precision NOT NULL DEFAULT 0,
      transactions_1m integer NOT NULL DEFAULT 0,
      transactions_3m integer NOT NULL DEFAULT 0,
      -- (last 3 months / the 3 before) − 1; NULL without turnover in the earlier 3 months
      turnover_trend double precision,
      -- current consent per channel (latest effective_at wins)
      consent_email boolean NOT NULL DEFAULT false,
      consent_sms boolean NOT NULL DEFAULT false,
      consent_call boolean NOT NULL DEFAULT false,
      consent_letter boolean NOT NULL DEFAULT false,
      -- contact, response and complaint recency
      last_contact_on date,
      last_email_contact_on date,
      last_sms_contact_on date,
      last_call_contact_on date,
      last_letter_contact_on date,
      last_response_on date,
      has_open_complaint boolean NOT NULL DEFAULT false,
      last_complaint_on date,
      -- model scores, double precision so that every engine compares them alike
      churn_score double precision,
      propensity_score double precision
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE client_profile, complaints, responses, contacts, wave_members, waves, contact_policies,
      selections, programs, bank_settings;
    ALTER TABLE products DROP COLUMN profile_bit;
  `.execute(db)
}
