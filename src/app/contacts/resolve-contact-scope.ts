import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import type { ContactHistoryScope } from '../../db/stores/contact-history-store.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import { findWaveSendRecord } from '../../db/stores/wave-send-store.ts'

/** Whose contacts: a wave by its number, or a program by its code (all its waves). */
export type ContactHistoryOf = { waveId: number } | { programCode: string }

/** The store's scope for a wave or a program that exists; 404 naming it otherwise. */
export async function resolveContactScope(db: Kysely<Schema>, of: ContactHistoryOf): Promise<ContactHistoryScope> {
  if ('waveId' in of) {
    if (!(await findWaveSendRecord(db, of.waveId))) throw new DomainError('not_found', `No wave ${of.waveId}`, reason('wave.not_found', { id: of.waveId }))
    return { waveId: of.waveId }
  }
  const program = await findProgramByCode(db, of.programCode)
  if (!program) throw new DomainError('not_found', `No program ${of.programCode}`, reason('program.not_found', { id: of.programCode }))
  return { programId: program.id }
}

/** The audit event's entity for a scope: `wave 12` or `program XSELL`. */
export function auditEntityOf(of: ContactHistoryOf): { entity: string; entityId: string } {
  return 'waveId' in of ? { entity: 'wave', entityId: String(of.waveId) } : { entity: 'program', entityId: of.programCode }
}
