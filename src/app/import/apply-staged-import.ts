import { sql, type Kysely, type Transaction } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { ImportKind } from '../../core/import/import-kinds.ts'
import { databaseRefusal } from '../../db/database-refusal.ts'
import type { Database } from '../../db/open-database.ts'
import { applyImportStage } from '../../db/stores/apply-import-stage.ts'
import { listStagedLines, lockImportApplies, resolveStagedRecords } from '../../db/stores/import-stage-store.ts'
import { lockRunningImport } from '../../db/stores/import-store.ts'
import type { ImportApplyDetails, Schema } from '../../db/schema.ts'

export type ApplyStagedImportInput = {
  importId: number
  kind: ImportKind
  stage: string
  /** A dry run goes through the very same apply and rolls it back. */
  dryRun: boolean
  /** Written in the apply's transaction when it commits (the import's final status and counts). */
  finish: (trx: Kysely<Schema>, details: ImportApplyDetails) => Promise<void>
}

export type ApplyResult = {
  /** line → the database's message, for rows it refused; the rest applied (or would have). */
  refused: Map<number, string>
  /** For the history: the wait for the lock, and rows another import created meanwhile (updated instead). */
  details: ImportApplyDetails
  committed: boolean
}

/**
 * The import's one transaction: under the apply lock, the staged rows become visible at once. When
 * the database refuses some row (a constraint, a trigger), the apply is tried again in parts, each
 * in a savepoint, until the refused rows stand alone; then nothing is committed and the refused
 * lines are returned, to be rejected and the apply run again without them. A dry run always rolls
 * back, so it reports exactly what the real run would load.
 */
export async function applyStagedImport(db: Database, input: ApplyStagedImportInput): Promise<ApplyResult> {
  const trx = await db.kysely.startTransaction().execute()
  try {
    const waitStart = performance.now()
    await lockImportApplies(trx)
    const waitedMs = Math.round(performance.now() - waitStart)
    if (!(await lockRunningImport(trx, input.importId))) {
      throw new DomainError('import_failed', 'the import was marked interrupted while it ran; nothing was loaded', reason('import.interrupted'))
    }
    const updatedInstead = await resolveStagedRecords(trx, input.kind, input.stage)
    const refused = await applyInParts(trx, input)
    const details = { serialised: true as const, waitedMs, updatedInstead }
    const result = { refused, details, committed: false }
    if (input.dryRun || refused.size > 0) {
      await trx.rollback().execute()
      return result
    }
    await input.finish(trx, details)
    await trx.commit().execute()
    return { ...result, committed: true }
  } catch (error) {
    await trx.rollback().execute().catch(() => undefined)
    throw error
  }
}

async function applyInParts(trx: Transaction<Schema>, { kind, stage, importId }: ApplyStagedImportInput): Promise<Map<number, string>> {
  const refused = new Map<number, string>()
  if (await tryApply(trx, () => applyImportStage(trx, { kind, stage, importId })) === undefined) return refused
  const lines = await listStagedLines(trx, stage)
  const probe = async (from: number, to: number): Promise<void> => {
    const message = await tryApply(trx, () => applyImportStage(trx, { kind, stage, importId, lines: { from: lines[from], to: lines[to] } }))
    if (message === undefined) return
    if (from === to) {
      refused.set(lines[from], message)
      return
    }
    const middle = Math.floor((from + to) / 2)
    await probe(from, middle)
    await probe(middle + 1, to)
  }
  if (lines.length > 0) await probe(0, lines.length - 1)
  return refused
}

/** Runs one apply in a savepoint: undefined when it went through, else the database's refusal. */
async function tryApply(trx: Transaction<Schema>, apply: () => Promise<void>): Promise<string | undefined> {
  await sql`SAVEPOINT import_apply_part`.execute(trx)
  try {
    await apply()
    await sql`RELEASE SAVEPOINT import_apply_part`.execute(trx)
    return undefined
  } catch (error) {
    const message = databaseRefusal(error)
    if (message === undefined) throw error
    await sql`ROLLBACK TO SAVEPOINT import_apply_part`.execute(trx)
    await sql`RELEASE SAVEPOINT import_apply_part`.execute(trx) // else each refused part nests one deeper
    return message
  }
}
