import { sql, type Kysely } from 'kysely'

// Leads that reach managers and the responses the app records itself (issue 8 item 6, issue 9
// item 1). An offer names the page its link leads to; every e-mail carries it as a signed tracked
// link whose clicks are kept per contact (first click, last click, how many). A click, an
// interested or agreed call and an SMS reply are responses (sources click, call, sms) and each
// makes a lead: one per client, program and source event, with its follow-up status and the sale
// that closed it. Leads are client-scoped (client_id in the primary key, the Citus rule); where a
// lead goes is read from the client's personal manager and branch (core/call-centre/route-lead.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE offers ADD COLUMN link_url text CONSTRAINT offers_link_url_check CHECK (link_url ~ '^https?://' AND length(link_url) <= 2000);

    ALTER TABLE responses DROP CONSTRAINT responses_source_check;
    ALTER TABLE responses ADD CONSTRAINT responses_source_check CHECK (source IN ('import','api','click','call','sms'));

    CREATE TABLE link_clicks (
      client_id bigint NOT NULL REFERENCES clients(id),
      contact_id bigint NOT NULL,
      first_clicked_at timestamptz NOT NULL,
      last_clicked_at timestamptz NOT NULL,
      clicks integer NOT NULL CHECK (clicks > 0),
      PRIMARY KEY (client_id, contact_id),
      FOREIGN KEY (client_id, contact_id) REFERENCES contacts(client_id, id)
    );

    CREATE TABLE leads (
      client_id bigint NOT NULL REFERENCES clients(id),
      id bigserial NOT NULL,
      program_id integer NOT NULL REFERENCES programs(id),
      wave_id integer REFERENCES waves(id),
      offer_id integer REFERENCES offers(id),
      -- What the client did: clicked the offer's link, said interested or agreed on a call, replied by SMS.
      source text NOT NULL CHECK (source IN ('click','call','sms')),
      outcome text NOT NULL CHECK (outcome IN ('click','interested','agreed','reply')),
      -- The event's own key, so the same click, call or reply never makes a second lead.
      event_ref text NOT NULL,
      event_at timestamptz NOT NULL,
      operator_login text,
      detail text,
      status text NOT NULL DEFAULT 'new' CHECK (status IN ('new','in_work','won','lost')),
      next_follow_up date,
      worked_by integer REFERENCES users(id),
      worked_by_login text,
      lost_reason text,
      sale_product_code text REFERENCES products(code),
      sale_amount numeric(16,2) CHECK (sale_amount > 0),
      sale_date date,
      sale_holding_id bigint,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      PRIMARY KEY (client_id, id),
      UNIQUE (client_id, program_id, source, event_ref),
      CHECK ((status = 'won') = (sale_product_code IS NOT NULL AND sale_amount IS NOT NULL AND sale_date IS NOT NULL)),
      CHECK ((status = 'lost') = (lost_reason IS NOT NULL)),
      CHECK (sale_holding_id IS NULL OR status = 'won'),
      FOREIGN KEY (client_id, sale_holding_id) REFERENCES holdings(client_id, id)
    );
    CREATE INDEX leads_status_idx ON leads (status, next_follow_up);

    CREATE TABLE lead_notes (
      client_id bigint NOT NULL,
      lead_id bigint NOT NULL,
      id bigserial NOT NULL,
      author_id integer REFERENCES users(id),
      author_login text NOT NULL,
      at timestamptz NOT NULL,
      text text NOT NULL,
      PRIMARY KEY (client_id, id),
      FOREIGN KEY (client_id, lead_id) REFERENCES leads(client_id, id)
    );
    CREATE INDEX lead_notes_lead_idx ON lead_notes (client_id, lead_id);

    -- The call outcomes recorded before this migration: each interested or agreed call becomes its
    -- response and its lead, as a new one would.
    INSERT INTO responses (client_id, program_id, wave_id, responded_at, type, source)
    SELECT a.client_id, w.program_id, a.wave_id, a.ended_at, CASE a.business WHEN 'agreed' THEN 'application' ELSE 'reply' END, 'call'
    FROM call_attempts a JOIN waves w ON w.id = a.wave_id
    WHERE a.business IN ('interested', 'agreed')
    ON CONFLICT DO NOTHING;
    INSERT INTO leads (client_id, program_id, wave_id, offer_id, source, outcome, event_ref, event_at, operator_login, detail, created_at, updated_at)
    SELECT a.client_id, w.program_id, a.wave_id, w.offer_id, 'call', a.business, 'call:' || a.id, a.ended_at, a.operator_login, a.note, a.ended_at, a.ended_at
    FROM call_attempts a JOIN waves w ON w.id = a.wave_id
    WHERE a.business IN ('interested', 'agreed')
    ON CONFLICT DO NOTHING;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE lead_notes;
    DROP TABLE leads;
    DROP TABLE link_clicks;
    DELETE FROM responses WHERE source IN ('click','call','sms');
    ALTER TABLE responses DROP CONSTRAINT responses_source_check;
    ALTER TABLE responses ADD CONSTRAINT responses_source_check CHECK (source IN ('import','api'));
    ALTER TABLE offers DROP COLUMN link_url;
  `.execute(db)
}
