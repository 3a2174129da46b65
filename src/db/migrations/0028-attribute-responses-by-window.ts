import { sql, type Kysely } from 'kysely'

// What counts as a response for a program and for how long (issue 9, item 2): each program may
// state its definition (contract/response-definition.ts: the rules, the window in days, the
// priority). A client's events that come without a program — a product opened in core banking, a
// deposit placed at a branch — carry their product and are attributed to at most one program by
// the rule of core/response/attribute-event.ts; the attribution is a table of its own, so that a
// re-run replaces it and the events themselves are never rewritten.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE programs ADD COLUMN response_definition jsonb;
    ALTER TABLE responses ADD COLUMN product_code text REFERENCES products(code);

    CREATE TABLE response_attributions (
      client_id bigint NOT NULL,
      response_id bigint NOT NULL,
      program_id integer NOT NULL REFERENCES programs(id),
      wave_id integer NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
      "group" text NOT NULL CHECK ("group" IN ('target','control')),
      attributed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (client_id, response_id),
      FOREIGN KEY (client_id, response_id) REFERENCES responses (client_id, id) ON DELETE CASCADE
    );
    -- The verdict's summary reads a program's attributed events by wave.
    CREATE INDEX response_attributions_program_idx ON response_attributions (program_id, wave_id);
    -- Attribution reads the events that came without a program, client by client.
    CREATE INDEX responses_unassigned_idx ON responses (client_id, id) WHERE program_id IS NULL;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX responses_unassigned_idx;
    DROP TABLE response_attributions;
    ALTER TABLE responses DROP COLUMN product_code;
    ALTER TABLE programs DROP COLUMN response_definition;
  `.execute(db)
}
