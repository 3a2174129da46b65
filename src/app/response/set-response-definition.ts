import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { responseDefinition, type ResponseDefinition } from '../../contract/response-definition.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import { readResponseDefinition, saveResponseDefinition } from '../../db/stores/response-attribution-store.ts'
import { toResponseDefinitionView, type ResponseDefinitionView } from './view-response-definition.ts'

/**
 * States (or, with null, withdraws) what counts as a response for a program. The events already
 * attributed keep their program until attribution runs again (POST /api/responses/attribute,
 * `otklik responses attribute`, or the next import of events), which applies the new rules to all.
 * Audited with the rules before and after, in one transaction with the change.
 */
export async function setResponseDefinition(
  db: Kysely<Schema>,
  input: { code: string; definition: unknown; actor: { id: number | null; login: string | null } },
): Promise<ResponseDefinitionView> {
  let definition: ResponseDefinition | null = null
  if (input.definition !== null) {
    const parsed = responseDefinition.safeParse(input.definition)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const field = issue.path.join('.') || 'definition'
      throw new DomainError('invalid_input', `${field}: ${issue.message}`, reason('request.invalid', { field, issue: issue.message }))
    }
    definition = parsed.data
  }
  return db.transaction().execute(async (tx) => {
    const program = await findProgramByCode(tx, input.code)
    if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
    const before = await readResponseDefinition(tx, program.id)
    await saveResponseDefinition(tx, program.id, definition)
    await appendAuditEvent(tx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'program.response_definition.update',
      entity: 'program',
      entityId: program.code,
      details: { before: before.definition, after: definition },
    })
    return toResponseDefinitionView(program.code, { definition, attributionDays: before.attributionDays })
  })
}
