import type { Kysely } from 'kysely'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { attributionBasisFingerprint, listImportEventClients, readAttributionBasis, saveAttributionBasis } from '../../db/stores/attribution-basis-store.ts'
import { attributeEventRange, countAttributionsByProgram, countEvents, eventClientBounds } from '../../db/stores/response-attribution-store.ts'

export type AttributeResponsesResult = {
  /** The whole bank, or only the clients an import touched (the rest already stood as a whole run leaves it). */
  scope: 'all' | 'import'
  /** Events that came without a program (of the clients attributed). */
  events: number
  attributed: number
  /** Kept, in no program's window or matching no program's rule. */
  unattributed: number
  /** Program code → its attributed events (all of them, after the run). */
  byProgram: Record<string, number>
}

export type AttributeResponsesInput = {
  actor: { id: number | null; login: string | null }
  /** Client ids per range (and transaction). */
  clientsPerRange?: number
  /** After an import of events: attribute only its clients when nothing else has changed since the last whole run. */
  importId?: number
}

/**
 * Gives each event that came without a program to at most one program (the rule of
 * core/response/attribute-event.ts), range of clients by range, each range one short
 * transaction: other users' requests go between them, and a run stopped halfway leaves every
 * range either as it was or re-attributed. Running it again over the same data gives the same
 * answer; two runs at once give it too.
 *
 * An event's program depends on the event and on the basis only (attribution-basis-store.ts): so
 * after an import, when the basis is the one the last whole run recorded, every other client's
 * events already have the program a whole run would give them, and attributing the import's
 * clients alone gives the whole run's answer. Otherwise — a rule, a window or a wave changed,
 * or no whole run yet — the whole bank is attributed again.
 */
export async function attributeResponses(db: Kysely<Schema>, input: AttributeResponsesInput): Promise<AttributeResponsesResult> {
  const span = input.clientsPerRange ?? 10_000
  // Read before the run: a change made while it runs leaves a fingerprint that no longer matches.
  const basis = await attributionBasisFingerprint(db)
  const clients = input.importId !== undefined && basis === (await readAttributionBasis(db)) ? await listImportEventClients(db, input.importId) : undefined
  const counted = clients ? await attributeClients(db, clients, span) : await attributeAll(db, span)
  if (!clients) await saveAttributionBasis(db, basis)
  const byProgram = await countAttributionsByProgram(db)
  const result = { scope: clients ? ('import' as const) : ('all' as const), ...counted, unattributed: counted.events - counted.attributed, byProgram }
  await appendAuditEvent(db, {
    userId: input.actor.id,
    login: input.actor.login,
    action: 'response.attribute',
    entity: 'responses',
    details: { ...result, ...(input.importId !== undefined && { importId: input.importId }) },
  })
  return result
}

async function attributeAll(db: Kysely<Schema>, span: number): Promise<{ events: number; attributed: number }> {
  const bounds = await eventClientBounds(db)
  let attributed = 0
  // Ranges of client ids (ids are dense: a gap only makes a range cheaper); events that come in
  // meanwhile above the last bound wait for the next run, as the import that brings them starts one.
  for (let after = bounds ? bounds.min - 1 : 0; bounds && after < bounds.max; after += span) {
    attributed += await attributeEventRange(db, { after, upTo: Math.min(after + span, bounds.max) })
  }
  // Counted after the ranges: an event that came in meanwhile behind them is reported unattributed, as it is.
  const events = bounds ? await countEvents(db, { from: bounds.min, upTo: bounds.max }) : 0
  return { events, attributed }
}

/** The listed clients (in id order), `span` of them per range and transaction. */
async function attributeClients(db: Kysely<Schema>, clients: readonly number[], span: number): Promise<{ events: number; attributed: number }> {
  let events = 0
  let attributed = 0
  for (let i = 0; i < clients.length; i += span) {
    const chunk = clients.slice(i, i + span)
    const range = { after: chunk[0]! - 1, upTo: chunk[chunk.length - 1]!, clients: chunk }
    attributed += await attributeEventRange(db, range)
    events += await countEvents(db, { from: chunk[0]!, upTo: range.upTo, clients: chunk })
  }
  return { events, attributed }
}
