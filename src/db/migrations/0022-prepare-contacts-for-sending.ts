import { sql, type Kysely } from 'kysely'

// Sending (issue 8, item 3): exactly-once lives here, not in the job queue. A contact row is
// written `queued` for each target member before any provider is called, one per (wave, member,
// channel) — the unique index below is the idempotency key; it moves through the states of
// core/execution/contact-states.ts with the provider's message id. `sent_at` is the provider's
// acceptance and stays empty until then, so the contact policy's caps and the profile's "last
// contact" (which read sent_at) count only what really left the bank. A wave freezes the offer
// version it is sent with and shows who is sending it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE contacts ALTER COLUMN sent_at DROP NOT NULL;
    ALTER TABLE contacts
      ADD COLUMN queued_at timestamptz,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN attempts integer NOT NULL DEFAULT 0,
      ADD COLUMN next_attempt_at timestamptz,
      ADD COLUMN offer_id integer REFERENCES offers(id),
      -- The address written to (e-mail or phone) as it was when the message left: the card's history
      -- shows where a message went even after the client changes it.
      ADD COLUMN address text,
      ADD COLUMN provider_message_id text,
      ADD COLUMN error text,
      -- Why the policy stopped it just before the send (contract/contact-policy.ts POLICY_STEPS,
      -- or no_address / outside_validity).
      ADD COLUMN skip_reason text,
      -- SMS delivery reports: the gateway's last word and when.
      ADD COLUMN delivery_status text,
      ADD COLUMN delivered_at timestamptz,
      ADD CONSTRAINT contacts_status_check CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'unknown', 'skipped'));
    CREATE UNIQUE INDEX contacts_wave_member_channel_key ON contacts (client_id, wave_id, channel) WHERE wave_id IS NOT NULL;
    CREATE INDEX contacts_wave_status_idx ON contacts (wave_id, status, client_id) WHERE wave_id IS NOT NULL;
    CREATE INDEX contacts_provider_message_idx ON contacts (provider_message_id) WHERE provider_message_id IS NOT NULL;

    ALTER TABLE waves
      ADD COLUMN offer_id integer REFERENCES offers(id),
      ADD COLUMN send_status text NOT NULL DEFAULT 'not_started' CHECK (send_status IN ('not_started', 'sending', 'waiting', 'finished')),
      ADD COLUMN send_started_at timestamptz,
      ADD COLUMN send_finished_at timestamptz,
      -- Who sends it now, for people to read ({ pid, host, command, startedAt }): one sender at a time
      -- is held by a lock (wave-send-lock-store.ts), not by this column.
      ADD COLUMN send_owner jsonb;
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE waves DROP COLUMN offer_id, DROP COLUMN send_status, DROP COLUMN send_started_at,
      DROP COLUMN send_finished_at, DROP COLUMN send_owner;
    DROP INDEX contacts_wave_member_channel_key, contacts_wave_status_idx, contacts_provider_message_idx;
    ALTER TABLE contacts DROP CONSTRAINT contacts_status_check, DROP COLUMN queued_at, DROP COLUMN updated_at,
      DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN offer_id, DROP COLUMN address,
      DROP COLUMN provider_message_id, DROP COLUMN error, DROP COLUMN skip_reason, DROP COLUMN delivery_status,
      DROP COLUMN delivered_at;
    DELETE FROM contacts WHERE sent_at IS NULL;
    ALTER TABLE contacts ALTER COLUMN sent_at SET NOT NULL;
  `.execute(db)
}
