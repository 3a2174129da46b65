import type { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import type { ExportLanguage } from '../../core/client-export-columns.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { maskPersonalData } from '../../core/mask-personal-data.ts'
import type { Role } from '../../contract/roles.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { countClients, listClientsAfter, type ClientFilter, type ClientListItem } from '../../db/stores/client-store.ts'
import { listRegions } from '../../db/stores/reference-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import type { ExportFormat } from '../../contract/export-formats.ts'
import { clientAccessOf } from './client-access-of.ts'
import { describeClientSearch, toClientFilter, type ClientSearch } from './client-search.ts'
import type { ClientExportRow } from './client-export-row.ts'
import { writeClientsCsv } from './write-clients-csv.ts'
import { XLSX_MAX_ROWS } from '../export/write-xlsx-sheet.ts'
import { writeClientsXlsx } from './write-clients-xlsx.ts'

export type ExportClientsInput = { viewer: SessionUser; search: ClientSearch; format: ExportFormat; lang: ExportLanguage; now: Date }

export type ClientExport = { fileName: string; contentType: string; rowCount: number; body: Readable }

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

// Rows are read in batches by id, so a million-row export never holds the base in memory and
// never keeps a connection (PGlite has one) for the whole download.
const BATCH_SIZE = 2000

/**
 * Exports the clients matching the list's filter within the viewer's scope, masked for the viewer's
 * role. The audit event (the filter with the query as typed, the row count) is written before the first byte leaves.
 */
export async function exportClients(db: Kysely<Schema>, input: ExportClientsInput): Promise<ClientExport> {
  const { viewer, format, lang } = input
  const filter = toClientFilter(input.search, await clientAccessOf(db, viewer))
  const rowCount = await countClients(db, filter)
  if (format === 'xlsx' && rowCount > XLSX_MAX_ROWS) {
    throw new DomainError('invalid_input', `${rowCount} clients do not fit an Excel sheet: narrow the filter or export CSV`, reason('export.too_many_for_xlsx', { count: rowCount }))
  }
  await appendAuditEvent(db, {
    userId: viewer.id,
    login: viewer.login,
    action: 'client.export',
    entity: 'client',
    details: { format, lang, filter: describeClientSearch(input.search), rowCount },
  })
  const regionNames = new Map((await listRegions(db)).map((region) => [region.code, region.name]))
  const batches = maskedClientBatches(db, filter, viewer.role, regionNames)
  return {
    fileName: `${exportName(input.search)}-${input.now.toISOString().slice(0, 10)}.${format}`,
    contentType: CONTENT_TYPES[format],
    rowCount,
    body: format === 'csv' ? writeClientsCsv(batches, lang) : writeClientsXlsx(batches, lang),
  }
}

async function* maskedClientBatches(db: Kysely<Schema>, filter: ClientFilter, role: Role, regionNames: ReadonlyMap<string, string>): AsyncGenerator<ClientExportRow[]> {
  let afterId = 0
  for (;;) {
    const batch = await listClientsAfter(db, { filter, afterId, size: BATCH_SIZE })
    if (batch.length > 0) {
      yield batch.map((client) => ({ ...maskPersonalData(role, client), regionName: client.regionCode === null ? null : (regionNames.get(client.regionCode) ?? null) }))
    }
    if (batch.length < BATCH_SIZE) return
    afterId = batch[batch.length - 1]!.id
  }
}

/** A wave's target and control download under names of their own: `wave-12-control-2026-12-02.csv`. */
function exportName(search: ClientSearch): string {
  if (search.wave === undefined) return 'clients'
  return search.group ? `wave-${search.wave}-${search.group}` : `wave-${search.wave}`
}
