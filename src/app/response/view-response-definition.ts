import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { responseDefinition, type ResponseDefinition } from '../../contract/response-definition.ts'
import { DEFAULT_ATTRIBUTION_DAYS } from '../../core/program/attribution-window.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import { readResponseDefinition } from '../../db/stores/response-attribution-store.ts'

export type ResponseDefinitionView = {
  program: string
  /** Null: the program counts only the responses recorded for it, and takes no events. */
  definition: ResponseDefinition | null
  /** The attribution window the rules count in: the business case's, or the bank's default. */
  windowDays: number
}

/** The view of a stored definition, with the window its rules count in. */
export function toResponseDefinitionView(code: string, stored: { definition: unknown; attributionDays: unknown }): ResponseDefinitionView {
  const parsed = stored.definition === null ? null : responseDefinition.parse(stored.definition)
  const days = typeof stored.attributionDays === 'number' ? stored.attributionDays : DEFAULT_ATTRIBUTION_DAYS
  return { program: code, definition: parsed, windowDays: days }
}

/** What counts as a program's response, and the window it counts in. */
export async function viewResponseDefinition(db: Kysely<Schema>, input: { code: string }): Promise<ResponseDefinitionView> {
  const program = await findProgramByCode(db, input.code)
  if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
  return toResponseDefinitionView(program.code, await readResponseDefinition(db, program.id))
}
