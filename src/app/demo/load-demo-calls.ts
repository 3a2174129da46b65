import type { Kysely } from 'kysely'
import { demoCalls } from '../../core/demo/demo-calls.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { findDemoCallers, insertCalls } from '../../db/stores/call-log-store.ts'

/** The call centre hears from this many demo clients at most: a live page, and a load of a second or two whatever the bank's size. */
const DEMO_CALLERS = 3_000

/** The demo bank's call log of the last 90 days (core/demo/demo-calls.ts); returns how many calls. */
export async function loadDemoCalls(db: Kysely<Schema>, input: { today: string; seed: number }): Promise<number> {
  const callers = await findDemoCallers(db, DEMO_CALLERS)
  const calls = demoCalls({ seed: input.seed, today: input.today, timeZone: await readBankTimeZone(db), callers })
  await insertCalls(db, calls)
  return calls.length
}
