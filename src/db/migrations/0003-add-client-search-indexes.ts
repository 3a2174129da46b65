import { sql, type Kysely } from 'kysely'

// Indexes for the client 360 search and the audit log screen, sized for a bank of millions.
//
// A name is searched by the start of any of its words typed in order ("Петров", "Иван Петр",
// "Петрович"). The full name's start is served by clients_name_idx (0001); these two index what
// follows the first and the second word, so that a first name or a patronymic is a prefix match
// on an index too. WARNING: client-store.ts must use exactly these expressions, or the planner
// will not use the indexes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX clients_name_tail2_idx ON clients
      ((substring(lower(full_name) from '^[^ ]+ +(.*)$')) text_pattern_ops);
    CREATE INDEX clients_name_tail3_idx ON clients
      ((substring(lower(full_name) from '^[^ ]+ +[^ ]+ +(.*)$')) text_pattern_ops);
    -- The client list is ordered by name unless asked otherwise: the first page needs no sort.
    CREATE INDEX clients_full_name_idx ON clients (full_name, id);

    -- The audit log is filtered by who and what, newest first.
    CREATE INDEX audit_events_login_idx ON audit_events (login, at DESC);
    CREATE INDEX audit_events_action_idx ON audit_events (action, at DESC);
  `.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX clients_name_tail2_idx, clients_name_tail3_idx, clients_full_name_idx,
      audit_events_login_idx, audit_events_action_idx;
  `.execute(db)
}
