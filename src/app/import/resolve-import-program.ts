import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { ImportKind } from '../../core/import/import-kinds.ts'
import type { Schema } from '../../db/schema.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'

export type ImportProgram = { id: number; code: string }

/**
 * The program an import is for: an import of responses names one that exists (its rows are
 * attributed to the program's waves), or none — then its rows are the client's events, which
 * attribution gives to programs by their response rules; the other kinds take none.
 */
export async function resolveImportProgram(db: Kysely<Schema>, input: { kind: ImportKind; program?: string }): Promise<ImportProgram | undefined> {
  const code = input.program?.trim()
  if (input.kind !== 'responses') {
    if (code) throw new DomainError('invalid_input', `only an import of responses takes a program, not an import of ${input.kind}`, reason('import.program_not_for_kind', { kind: input.kind }))
    return undefined
  }
  if (!code) return undefined
  const program = await findProgramByCode(db, code)
  if (!program) throw new DomainError('not_found', `No program ${code}`, reason('program.not_found', { id: code }))
  return { id: program.id, code: program.code }
}
