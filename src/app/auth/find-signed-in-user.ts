import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { findSessionUser, type SessionUser } from '../../db/stores/user-store.ts'
import { hashSessionToken } from './log-in.ts'

/** The user whose session the cookie's token opens, if it is still open at `now`. */
export async function findSignedInUser(db: Kysely<Schema>, input: { token: string; now: Date }): Promise<SessionUser | undefined> {
  return findSessionUser(db, hashSessionToken(input.token), input.now)
}
