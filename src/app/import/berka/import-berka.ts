import { stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { reason } from '../../../contract/reason-codes.ts'
import { DomainError } from '../../../core/domain-error.ts'
import { BERKA_FILES, type BerkaFileSpec } from '../../../core/import/berka/berka-files.ts'
import { BERKA_PRODUCTS, BERKA_UTC_OFFSET } from '../../../core/import/berka/berka-codes.ts'
import type { Database } from '../../../db/open-database.ts'
import { applyBerkaStages, countStaged, rejectBerkaOrphans, type BerkaStages } from '../../../db/stores/berka-stage-store.ts'
import { createStage, dropStage, lockImportApplies, stageTableName } from '../../../db/stores/import-stage-store.ts'
import { insertLiveImport } from '../../../db/stores/import-liveness-store.ts'
import { finishImport, updateImportProgress } from '../../../db/stores/import-store.ts'
import type { ImportFileDetails } from '../../../db/schema.ts'
import { importOwner } from '../import-owner.ts'
import type { ImportOutcome, ImportProgressReport, ImportUser } from '../run-import.ts'
import { stageBerkaFile } from './stage-berka-file.ts'

export type ImportBerkaInput = {
  /** The directory holding district.asc, client.asc, account.asc, disp.asc, card.asc and loan.asc. */
  dir: string
  user: ImportUser
  onProgress?: (progress: ImportProgressReport) => void
}

export type BerkaOutcome = ImportOutcome & { files: Record<string, { loaded: number; rejected: number }> }

/**
 * Imports the PKDD'99 Czech bank tables (docs/berka-mapping.md): each file is checked row by row
 * and staged, the references between files are checked, and everything is applied in one
 * transaction — a rerun upserts the same records again.
 */
export async function importBerka(db: Database, input: ImportBerkaInput): Promise<BerkaOutcome> {
  // Its process holds the import's liveness lock while it runs, so that no other process takes the
  // run for dead and drops its staging tables (import-liveness-store.ts).
  const { id, liveness } = await insertLiveImport(db, {
    kind: 'berka', fileName: basename(input.dir), userId: input.user.id, login: input.user.login, dryRun: false,
    owner: importOwner(),
  })
  const stages = Object.fromEntries(BERKA_FILES.map((f) => [f.part, stageTableName(id, f.part)])) as BerkaStages
  const totals = { rowsRead: 0, loaded: 0, rejected: 0, bytesRead: 0, bytesTotal: 0 }
  const files: Record<string, ImportFileDetails> = {}
  try {
    totals.bytesTotal = await totalSize(input.dir)
    for (const spec of BERKA_FILES) {
      await createStage(db.kysely, { name: stages[spec.part], columns: stageColumns(spec), primaryKey: [spec.columns[0].name] })
      const staged = await stageBerkaFile(db, { importId: id, path: join(input.dir, spec.file), spec, stage: stages[spec.part] })
      files[spec.file] = { headers: staged.headers, loaded: 0, rejected: staged.rejected }
      totals.rowsRead += staged.rowsRead
      totals.bytesRead += staged.bytes
      totals.rejected += staged.rejected
      await updateImportProgress(db.kysely, id, { ...totals, files })
      input.onProgress?.({ ...totals })
    }
    const orphans = await rejectBerkaOrphans(db.kysely, id, stages)
    for (const spec of BERKA_FILES) {
      files[spec.file].rejected += orphans[spec.part]
      files[spec.file].loaded = await countStaged(db.kysely, stages[spec.part])
    }
    totals.loaded = sum(Object.values(files).map((f) => f.loaded))
    totals.rejected = sum(Object.values(files).map((f) => f.rejected))
    await db.kysely.transaction().execute(async (trx) => {
      await lockImportApplies(trx)
      await applyBerkaStages(trx, { stages, products: BERKA_PRODUCTS, accountProduct: 'BERKA_CURRENT', loanProduct: 'BERKA_LOAN', utcOffset: BERKA_UTC_OFFSET })
      await finishImport(trx, id, { ...totals, files, status: 'done', error: null })
    })
    return { id, status: 'done', error: null, ...pick(totals), files: counts(files) }
  } catch (error) {
    const message = error instanceof DomainError ? error.message : `the import failed and nothing was changed: ${(error as Error).message}`
    await finishImport(db.kysely, id, { ...totals, loaded: 0, files, status: 'failed', error: message }).catch(() => undefined)
    return { id, status: 'failed', error: message, ...pick(totals), loaded: 0, files: counts(files) }
  } finally {
    for (const stage of Object.values(stages)) await dropStage(db.kysely, stage).catch(() => undefined)
    await liveness.release()
  }
}

function stageColumns(spec: BerkaFileSpec) {
  return [{ name: 'line', type: 'integer' as const }, { name: 'cells', type: 'text' as const }, ...spec.columns]
}

/** Fails before anything is staged when a file is missing, naming all that are. */
async function totalSize(dir: string): Promise<number> {
  const sizes = await Promise.all(BERKA_FILES.map((f) => stat(join(dir, f.file)).then((s) => s.size, () => undefined)))
  const missing = BERKA_FILES.filter((_, i) => sizes[i] === undefined).map((f) => f.file)
  if (missing.length > 0) throw new DomainError('import_failed', `${dir}: missing Berka files: ${missing.join(', ')}`, reason('import.berka_missing_files', { files: missing.join(', ') }))
  return sum(sizes.map((s) => s ?? 0))
}

function counts(files: Record<string, ImportFileDetails>): Record<string, { loaded: number; rejected: number }> {
  return Object.fromEntries(Object.entries(files).map(([file, f]) => [file, { loaded: f.loaded, rejected: f.rejected }]))
}

function pick(totals: { rowsRead: number; loaded: number; rejected: number }) {
  return { rowsRead: totals.rowsRead, loaded: totals.loaded, rejected: totals.rejected }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
