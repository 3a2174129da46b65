import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { attributeEventRange, countAttributionsByProgram, nextEventClientBound } from '../../db/stores/response-attribution-store.ts'

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
  input: { actor: { id: number | null; login: string | null }; clientsPerRange?: number },
): Promise<AttributeResponsesResult> {
  const clients = input.clientsPerRange ?? 2_000
  let after = 0
  let events = 0
  let attributed = 0
  for (;;) {
    const upTo = await nextEventClientBound(db, { after, clients })
    if (upTo === null) break
    const range = await attributeEventRange(db, { after, upTo })
    events += range.events
    attributed += range.attributed
    after = upTo
  }
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
