import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import type { ResponseSummary } from '../../contract/response-schemas.ts'
import { RESPONSE_TYPES, type ResponseType } from '../../contract/response-types.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import { listProgramWaves, summarizeProgramResponses, type ResponseCell } from '../../db/stores/response-store.ts'

type TypeCounts = ResponseSummary['waves'][number]['target']['types'][ResponseType]

/**
 * A program's responses per wave × group × type, with every type present (zeros included) so the
 * verdict reads a complete table: members, responders, responses and exact value sums. The events
 * attributed to the program (db/stores/response-attribution-store.ts) count with its own.
 */
export async function viewResponseSummary(db: Kysely<Schema>, input: { code: string }): Promise<ResponseSummary> {
  const program = await findProgramByCode(db, input.code)
  if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
  const [waves, cells] = await Promise.all([listProgramWaves(db, program.id), summarizeProgramResponses(db, program.id)])
  const cellOf = new Map(cells.map((c) => [`${c.waveId}/${c.group}/${c.type}`, c]))
  const group = (waveId: number, name: 'target' | 'control', members: number) => ({
    members,
    types: Object.fromEntries(RESPONSE_TYPES.map((type) => [type, counts(cellOf.get(`${waveId}/${name}/${type}`))])) as Record<ResponseType, TypeCounts>,
  })
  return {
    program: program.code,
    waves: waves.map((w) => ({ id: w.id, kind: w.kind, builtAt: w.builtAt, target: group(w.id, 'target', w.target), control: group(w.id, 'control', w.control) })),
  }
}

function counts(cell: ResponseCell | undefined): TypeCounts {
  if (!cell) return { responders: 0, responses: 0, valueSum: '0', valueSumOfSquares: '0' }
  return { responders: cell.responders, responses: cell.responses, valueSum: cell.valueSum, valueSumOfSquares: cell.valueSumOfSquares }
}
