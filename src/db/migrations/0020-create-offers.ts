import { sql, type Kysely } from 'kysely'

// The marketer's offers (issue 8, item 1): one row per version of an offer, appended on every
// change and never rewritten, so a wave sent on version 3 can always show what version 3 said. An
// approval is written onto the version it approves (the head or a manager, not its author); a new
// version starts as a draft, which is how an edit voids the approval. Each version has its own
// templates, one per channel. Catalogue tables: small, no client_id (DESIGN.md, the Citus rules).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE offers (
      id serial PRIMARY KEY,
      code text NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'retired')),
      name text NOT NULL,
      product_code text REFERENCES products(code),
      terms text,
      rate numeric(9, 6) CHECK (rate BETWEEN 0 AND 1),
      term_months integer CHECK (term_months > 0),
      amount numeric(16, 2) CHECK (amount >= 0),
      valid_from date,
      valid_until date,
      created_by integer REFERENCES users(id),
      created_by_login text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      approved_by integer REFERENCES users(id),
      approved_by_login text,
      approved_at timestamptz,
      UNIQUE (code, version),
      CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from),
      CHECK ((status = 'approved') = (approved_at IS NOT NULL) OR status = 'retired')
    );
    CREATE TABLE offer_templates (
      offer_id integer NOT NULL REFERENCES offers(id),
      channel text NOT NULL CHECK (channel IN ('email', 'sms', 'letter', 'call')),
      subject text,
      body_html text,
      body_text text,
      script text,
      PRIMARY KEY (offer_id, channel)
    );
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE offer_templates; DROP TABLE offers;`.execute(db)
}
