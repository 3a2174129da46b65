import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import type { RecordResponseBody, StoredResponseView } from '../../contract/response-schemas.ts'
import type { Role } from '../../contract/roles.ts'
import { DomainError } from '../../core/domain-error.ts'
import { parseTimestampCell, TIMESTAMP_RULE } from '../../core/import/parse-timestamp-cell.ts'
import { attributeResponse } from '../../core/response/attribute-response.ts'
import { checkResponseValue } from '../../core/response/check-response-value.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import { findProgramMemberships, findResponseClient, upsertResponse } from '../../db/stores/response-store.ts'
import { attributionRefusal } from './attribution-refusal.ts'

export type RecordResponseInput = {
  code: string
  body: RecordResponseBody
  actor: { id: number; login: string; role: Role }
  /** The bank's day (YYYY-MM-DD): a response after it is in the future. */
  today: string
}

/**
 * Records one response of a program, by the rules of an import of responses: a known client in a
 * wave of the program (attributed to the latest one built before the response), a time that has
 * come, a value in whole kopecks where the type needs one. The same response recorded again
 * updates its value. The response and its audit event are one transaction.
 */
export async function recordResponse(db: Kysely<Schema>, input: RecordResponseInput): Promise<StoredResponseView> {
  const { body, code } = input
  const program = await findProgramByCode(db, code)
  if (!program) throw new DomainError('not_found', `No program ${code}`, reason('program.not_found', { id: code }))
  const respondedAt = parseTimestampCell(body.respondedAt)
  if (!respondedAt) {
    throw new DomainError('invalid_input', `respondedAt: ${TIMESTAMP_RULE}`, reason('request.invalid', { field: 'respondedAt', issue: TIMESTAMP_RULE }))
  }
  if (respondedAt.slice(0, 10) > input.today) {
    throw new DomainError('invalid_input', `respondedAt ${body.respondedAt}: a response in the future (after ${input.today})`,
      reason('response.future_time', { column: 'respondedAt', value: body.respondedAt, today: input.today }))
  }
  const value = body.value === undefined || body.value === null ? null : String(body.value)
  const refused = checkResponseValue({ type: body.type, value, column: 'value' })
  if (refused) throw new DomainError('invalid_input', `value: ${refused.rule}`, refused.reason)
  const field = body.bankId !== undefined ? 'bankId' : 'clientId'
  const given = String(body.bankId ?? body.clientId)
  const client = await findResponseClient(db, body.bankId !== undefined ? { bankId: body.bankId } : { clientId: body.clientId! })
  if (!client) throw new DomainError('invalid_input', `${field} ${given}: unknown client`, reason('response.unknown_client', { column: field, value: given }))

  return db.transaction().execute(async (tx) => {
    const memberships = (await findProgramMemberships(tx, { programId: program.id, clientIds: [client.id] })).get(client.id) ?? []
    const attribution = attributeResponse({ respondedAt, memberships })
    if (!attribution.ok) {
      const refusal = attributionRefusal({
        attribution,
        program: program.code,
        client: { column: field, label: field, value: given },
        time: { column: 'respondedAt', label: 'respondedAt', value: body.respondedAt, iso: new Date(respondedAt).toISOString() },
      })
      throw new DomainError('invalid_input', refusal.message, refusal.reason)
    }
    const stored = await upsertResponse(tx, {
      clientId: client.id, programId: program.id, waveId: attribution.waveId, type: body.type, respondedAt, value, source: 'api', recordedBy: input.actor.id,
    })
    await appendAuditEvent(tx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'response.record',
      entity: 'program',
      entityId: program.code,
      details: { clientId: client.id, type: body.type, respondedAt, value, waveId: attribution.waveId, created: stored.created },
    })
    return {
      id: stored.id, program: program.code, clientId: client.id, bankId: client.bankId, waveId: attribution.waveId, group: attribution.group,
      type: stored.type, respondedAt: stored.respondedAt, value: stored.value, source: stored.source, recordedAt: stored.recordedAt, created: stored.created,
    }
  })
}
