import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import type { Kysely } from 'kysely'
import type { Channel } from '../../contract/channels.ts'
import type { ContactState } from '../../contract/contact-states.ts'
import type { Language } from '../../contract/language.ts'
import type { Role } from '../../contract/roles.ts'
import type { ExportFormat } from '../../contract/export-formats.ts'
import { reason } from '../../contract/reason-codes.ts'
import {
  bankClockDate, CONTACT_HISTORY_COLUMNS, contactChannelWord, contactStateWord, deliveryStatusWord, formatBankTime, skipReasonWord, type ContactHistoryColumnKey,
} from '../../core/contact-history-columns.ts'
import { DomainError } from '../../core/domain-error.ts'
import { escapeFormula } from '../../core/escape-formula.ts'
import { maskContactAddress } from '../../core/mask-contact-address.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { countContactHistory, listContactHistoryPage, type ContactHistoryFilter, type ContactHistoryRow } from '../../db/stores/contact-history-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { writeXlsxSheet, XLSX_MAX_ROWS, type XlsxCell } from '../export/write-xlsx-sheet.ts'
import { auditEntityOf, resolveContactScope, type ContactHistoryOf } from './resolve-contact-scope.ts'

export type ExportContactHistoryInput = {
  viewer: SessionUser
  of: ContactHistoryOf
  filter: { state?: ContactState | undefined; channel?: Channel | undefined }
  format: ExportFormat
  lang: Language
  now: Date
}

export type ContactHistoryFile = { fileName: string; contentType: string; rowCount: number; body: Readable }

// Read by keyset in batches: a 100k wave's file never sits in memory nor holds the connection.
const BATCH_SIZE = 2000

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/**
 * The contacts the filter holds as CSV that Excel opens (UTF-8 with a BOM; `;` in Russian) or as
 * an XLSX workbook with real times and numbers — the same columns and words either way, addresses
 * masked for the role, times in the bank's zone, text escaped against formulas. An XLSX of more
 * contacts than a sheet holds is refused. The audit event (the filter, the format, the count) is
 * written before the first byte leaves.
 */
export async function exportContactHistory(db: Kysely<Schema>, input: ExportContactHistoryInput): Promise<ContactHistoryFile> {
  const { viewer, of, lang, format } = input
  const filter: ContactHistoryFilter = { scope: await resolveContactScope(db, of), ...input.filter }
  const rowCount = await countContactHistory(db, filter)
  if (format === 'xlsx' && rowCount > XLSX_MAX_ROWS) {
    throw new DomainError('invalid_input', `${rowCount} contacts do not fit an Excel sheet: narrow the filter or export CSV`, reason('export.too_many_for_xlsx', { count: rowCount }))
  }
  await appendAuditEvent(db, {
    userId: viewer.id,
    login: viewer.login,
    action: 'contact.export',
    ...auditEntityOf(of),
    details: { format, lang, filter: input.filter, rowCount },
  })
  const file: FileInput = { role: viewer.role, lang, timeZone: await readBankTimeZone(db) }
  const batches = contactBatches(db, filter)
  const name = 'waveId' in of ? `wave-${of.waveId}-contacts` : `program-${of.programCode}-contacts`
  return {
    fileName: `${name}-${input.now.toISOString().slice(0, 10)}.${format}`,
    contentType: CONTENT_TYPES[format],
    rowCount,
    body: format === 'xlsx' ? xlsxOf(batches, file) : Readable.from(csvChunks(batches, file), { objectMode: false }),
  }
}

type FileInput = { role: Role; lang: Language; timeZone: string }

async function* contactBatches(db: Kysely<Schema>, filter: ContactHistoryFilter): AsyncGenerator<ContactHistoryRow[]> {
  let beforeId: number | undefined
  for (;;) {
    const batch = await listContactHistoryPage(db, { ...filter, beforeId, limit: BATCH_SIZE })
    if (batch.length > 0) yield batch
    if (batch.length < BATCH_SIZE) return
    beforeId = batch[batch.length - 1]!.id
  }
}

async function* csvChunks(batches: AsyncIterable<ContactHistoryRow[]>, input: FileInput): AsyncGenerator<string> {
  const options = { delimiter: input.lang === 'ru' ? ';' : ',', record_delimiter: 'windows' } as const
  yield `\ufeff${stringify([CONTACT_HISTORY_COLUMNS.map((c) => c[input.lang])], options)}`
  for await (const batch of batches) yield stringify(batch.map((row) => CONTACT_HISTORY_COLUMNS.map((c) => escapeFormula(cell(row, c.key, input)))), options)
}

const TIME_KEYS = new Set<ContactHistoryColumnKey>(['deliveredAt', 'queuedAt', 'sentAt', 'nextAttemptAt'])
const XLSX_WIDTHS: Partial<Record<ContactHistoryColumnKey, number>> = { fullName: 34, address: 26, bankId: 18, error: 40 }

function xlsxOf(batches: AsyncIterable<ContactHistoryRow[]>, input: FileInput): Readable {
  const columns = CONTACT_HISTORY_COLUMNS.map((c) => ({
    key: c.key,
    header: c[input.lang],
    width: TIME_KEYS.has(c.key) ? 20 : XLSX_WIDTHS[c.key] ?? 14,
    ...(TIME_KEYS.has(c.key) && { numFmt: input.lang === 'ru' ? 'dd.mm.yyyy hh:mm:ss' : 'yyyy-mm-dd hh:mm:ss' }),
  }))
  return writeXlsxSheet({ sheetName: input.lang === 'ru' ? 'Контакты' : 'Contacts', columns, batches: xlsxRows(batches, input) })
}

async function* xlsxRows(batches: AsyncIterable<ContactHistoryRow[]>, input: FileInput): AsyncGenerator<Record<string, XlsxCell>[]> {
  for await (const batch of batches) yield batch.map((row) => Object.fromEntries(CONTACT_HISTORY_COLUMNS.map((c) => [c.key, xlsxCell(row, c.key, input)])))
}

// Times become Excel dates in the bank's zone and counts numbers; every other cell is the CSV's text.
function xlsxCell(row: ContactHistoryRow, key: ContactHistoryColumnKey, input: FileInput): XlsxCell {
  if (key === 'wave' || key === 'attempts') return row[key]
  if (TIME_KEYS.has(key)) {
    const at = row[key as 'deliveredAt' | 'queuedAt' | 'sentAt' | 'nextAttemptAt']
    return at === null ? null : bankClockDate(new Date(at), input.timeZone)
  }
  const text = cell(row, key, input)
  return text === '' ? null : escapeFormula(text)
}

function cell(row: ContactHistoryRow, key: ContactHistoryColumnKey, input: FileInput): string {
  const time = (at: Date | null) => (at === null ? '' : formatBankTime(new Date(at), input.timeZone, input.lang))
  switch (key) {
    case 'channel':
      return contactChannelWord(row.channel, input.lang)
    case 'address':
      return maskContactAddress(input.role, row.channel, row.address) ?? ''
    case 'state':
      return contactStateWord(row.state, input.lang)
    case 'skipReason':
      return row.skipReason === null ? '' : skipReasonWord(row.skipReason, input.lang)
    case 'deliveryStatus':
      return row.deliveryStatus === null ? '' : deliveryStatusWord(row.deliveryStatus, input.lang)
    case 'deliveredAt':
    case 'queuedAt':
    case 'sentAt':
    case 'nextAttemptAt':
      return time(row[key])
    case 'program':
    case 'bankId':
    case 'fullName':
    case 'error':
      return row[key] ?? ''
    case 'wave':
    case 'attempts':
      return String(row[key])
  }
}
