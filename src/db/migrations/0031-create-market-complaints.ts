import { sql, type Kysely } from 'kysely'

// Complaint files (issue 10, item 2): complaints from a CFPB consumer-complaint export are market
// complaints about other (US) companies, with no client of the bank behind them — so they are kept
// apart from the bank's own `complaints`, and are not client-scoped. Each row keeps the export's
// fields, Otklik's category (core/import/cfpb/cfpb-category.ts, docs/cfpb-mapping.md) and the
// import that last wrote it. `source_key` is what a re-import upserts by: the 18-column export's
// Complaint ID, or for the 14-column export (no ID) a digest of the row's cells with its ordinal
// among identical rows of the file (docs/cfpb-mapping.md "Key").
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE market_complaints (
      id bigserial PRIMARY KEY,
      source_key text NOT NULL UNIQUE,
      format text NOT NULL CHECK (format IN ('cfpb14', 'cfpb18')),
      complaint_id bigint UNIQUE,
      received_on date NOT NULL,
      product text NOT NULL,
      sub_product text,
      issue text,
      sub_issue text,
      narrative text,
      company_public_response text,
      company text NOT NULL,
      state text,
      zip_code text,
      tags text,
      consumer_consent text,
      submitted_via text,
      sent_on date,
      company_response text,
      timely boolean,
      disputed boolean,
      category_code text NOT NULL,
      import_id integer NOT NULL REFERENCES imports(id),
      CHECK (format = 'cfpb14' OR complaint_id IS NOT NULL)
    );
    CREATE INDEX market_complaints_received_on ON market_complaints (received_on);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE market_complaints`.execute(db)
}
