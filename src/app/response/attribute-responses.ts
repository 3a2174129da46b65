import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { attributeEventRange, countAttributionsByProgram, countEvents, eventClientBounds } from '../../db/stores/response-attribution-store.ts'

export type AttributeResponsesResult = {
  /** Events that came without a program. */
  events: number
  attributed: number
  /** Kept, in no program's window or matching no program's rule. */
  unattributed: number
  /** Program code → its attributed events (all of them, after the run). */
  byProgram: Record<string, number>
}

/**
 * Gives each event that came without a program to at most one program (the rule of
 * core/response/attribute-event.ts), range of clients by range, each range one short
 * transaction: other users' requests go between them, and a run stopped halfway leaves every
 * range either as it was or re-attributed. Running it again over the same data gives the same
 * answer; two runs at once give it too.
 */
export async function attributeResponses(
  db: Kysely<Schema>,
  input: { actor: { id: number | null; login: string | null }; /** Client ids per range (and transaction). */ clientsPerRange?: number },
): Promise<AttributeResponsesResult> {
  const span = input.clientsPerRange ?? 10_000
  const bounds = await eventClientBounds(db)
  let attributed = 0
  // Ranges of client ids (ids are dense: a gap only makes a range cheaper); events that come in
  // meanwhile above the last bound wait for the next run, as the import that brings them starts one.
  for (let after = bounds ? bounds.min - 1 : 0; bounds && after < bounds.max; after += span) {
    attributed += await attributeEventRange(db, { after, upTo: Math.min(after + span, bounds.max) })
  }
  // Counted after the ranges: an event that came in meanwhile behind them is reported unattributed, as it is.
  const events = bounds ? await countEvents(db, { from: bounds.min, upTo: bounds.max }) : 0
  const byProgram = await countAttributionsByProgram(db)
  await appendAuditEvent(db, {
    userId: input.actor.id,
    login: input.actor.login,
    action: 'response.attribute',
    entity: 'responses',
    details: { events, attributed, unattributed: events - attributed, byProgram },
  })
  return { events, attributed, unattributed: events - attributed, byProgram }
}
