import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// The secret the unsubscribe links are signed with (core/execution/unsubscribe-token.ts). Made once
// per bank, on first use, and kept in bank_settings: every process (server, CLI) signs and checks
// with the same one, and links mailed a year ago still work after a restart.
export async function readLinkSecret(db: Kysely<Schema>): Promise<string> {
  const value = JSON.stringify({ secret: randomBytes(32).toString('base64url') })
  await db.insertInto('bank_settings').values({ key: 'link_secret', value }).onConflict((oc) => oc.column('key').doNothing()).execute()
  const row = await db.selectFrom('bank_settings').select('value').where('key', '=', 'link_secret').executeTakeFirstOrThrow()
  return (row.value as { secret: string }).secret
}
