import type { Kysely } from 'kysely'
import type { ContactPolicy } from '../../contract/contact-policy.ts'
import type { Schema } from '../../db/schema.ts'
import { currentContactPolicy } from '../../db/stores/policy-store.ts'

/** The contact policy in force and its version; the defaults become version 1 on first read. */
export async function viewContactPolicy(db: Kysely<Schema>): Promise<{ version: number; policy: ContactPolicy }> {
  return currentContactPolicy(db)
}
