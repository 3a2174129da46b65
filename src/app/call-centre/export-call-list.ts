import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { Kysely } from 'kysely'
import { callListHeaders } from '../../core/call-centre/call-list-columns.ts'
import type { ExportLanguage } from '../../core/client-export-columns.ts'
import { escapeFormula } from '../../core/escape-formula.ts'
import { maskPersonalData } from '../../core/mask-personal-data.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { listCallListRows, type CallListFileRow } from '../../db/stores/call-list-file-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { formatCallTime } from '../../core/call-centre/format-call-time.ts'
import { callWaveContext } from './call-wave-context.ts'

export type CallListFile = { fileName: string; contentType: string; body: Buffer; rowCount: number }

const CONTENT_TYPE = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const

/**
 * A wave's call list as a file for an external call centre, in the columns its outcomes come back
 * in (core/call-centre/call-list-columns.ts): CSV that Excel opens (UTF-8 with a byte-order mark,
 * `;` in Russian) or XLSX. Phones are masked as on screen for a role without clearance; formulas
 * are escaped; the export is an audit event.
 */
export async function exportCallList(db: Kysely<Schema>, input: { waveId: number; format: 'csv' | 'xlsx'; language: ExportLanguage; viewer: SessionUser; now: Date }): Promise<CallListFile> {
  const context = await callWaveContext(db, { waveId: input.waveId, now: input.now })
  const rows = await listCallListRows(db, input.waveId)
  await appendAuditEvent(db, {
    userId: input.viewer.id, login: input.viewer.login, action: 'call_list.export', entity: 'wave', entityId: String(input.waveId), details: { format: input.format, rows: rows.length },
  })
  const cells = rows.map((row) => rowCells(maskPersonalData(input.viewer.role, row), context.policy.timeZone))
  const fileName = `call-list-${context.wave.programCode}-wave-${input.waveId}.${input.format}`
  const headers = callListHeaders(input.language)
  const body = input.format === 'csv' ? csvBody(headers, cells, input.language) : await xlsxBody(headers, cells, input.language)
  return { fileName, contentType: CONTENT_TYPE[input.format], body, rowCount: rows.length }
}

function rowCells(row: CallListFileRow, timeZone: string): string[] {
  const callback = row.callbackAt ? formatCallTime(row.callbackAt.getTime(), timeZone) : ''
  return [row.bankId, row.fullName, row.phone ?? '', String(row.priority), row.status, String(row.attempts), '', '', '', callback, ''].map(escapeFormula)
}

function csvBody(headers: string[], rows: string[][], language: ExportLanguage): Buffer {
  const text = stringify([headers, ...rows], { delimiter: language === 'ru' ? ';' : ',', record_delimiter: 'windows' })
  return Buffer.from(`\ufeff${text}`, 'utf8')
}

async function xlsxBody(headers: string[], rows: string[][], language: ExportLanguage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(language === 'ru' ? 'Обзвон' : 'Call list', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = headers.map((header, i) => ({ header, width: i === 1 ? 36 : 18 }))
  for (const row of rows) sheet.addRow(row)
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
