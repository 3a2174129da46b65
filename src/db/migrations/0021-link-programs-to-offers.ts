import { sql, type Kysely } from 'kysely'

// A program's offer (issue 8, item 1). `programs.offer_code` names an offer by its code, not a
// version: the offer a wave may use is the code's newest version when that version is approved
// (db/stores/offer-store.ts findProgramOffer), so an edit that voids the approval stops the
// program's sending until the head or a manager approves again. No foreign key: the code is unique
// per version, not per table; the use cases check it exists and is not retired. The free-text
// `programs.offer` of 0012 stays, as the program's description of its offer in its own words.
//
// A call template's objections and their answers (`offer_templates.objections`, a JSON list of
// {objection, answer}) sit beside its `script`, which stays the opening and pitch as a LiquidJS
// template: the script keeps the same renderer, check and preview as every other part, and the
// objections are a list the operator's workspace shows as one, not text to be parsed back.
//
// Retiring an offer is written onto its newest version (who and when), like an approval; a retired
// offer is never linked, edited, approved or used again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE programs ADD COLUMN offer_code text;
    CREATE INDEX programs_offer_code_idx ON programs (offer_code) WHERE offer_code IS NOT NULL;

    ALTER TABLE offer_templates
      ADD COLUMN objections jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(objections) = 'array');

    ALTER TABLE offers
      ADD COLUMN retired_by integer REFERENCES users(id),
      ADD COLUMN retired_by_login text,
      ADD COLUMN retired_at timestamptz,
      ADD CONSTRAINT offers_retired_check CHECK ((status = 'retired') = (retired_at IS NOT NULL));
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE offers DROP CONSTRAINT offers_retired_check, DROP COLUMN retired_at, DROP COLUMN retired_by_login, DROP COLUMN retired_by;
    ALTER TABLE offer_templates DROP COLUMN objections;
    DROP INDEX programs_offer_code_idx;
    ALTER TABLE programs DROP COLUMN offer_code;
  `.execute(db)
}
