import type { Kysely } from 'kysely'
import type { Language } from '../../contract/language.ts'
import type { ProgramReportFormat } from '../../contract/program-report-schemas.ts'
import type { Role } from '../../contract/roles.ts'
import type { Schema } from '../../db/schema.ts'
import { recordAuditEvent, type AuditActor } from '../audit/record-audit-event.ts'
import { buildProgramReport } from './build-program-report.ts'
import { writeProgramReportPdf } from './write-program-report-pdf.ts'
import { writeProgramReportXlsx } from './write-program-report-xlsx.ts'

export type ExportProgramReportInput = { code: string; format: ProgramReportFormat; lang: Language; actor: AuditActor & { role: Role | null }; now: Date }
export type ProgramReportFile = { fileName: string; contentType: string; body: Buffer }

const CONTENT_TYPES: Record<ProgramReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
}

/**
 * The program report as a file (GET /api/programs/:code/report, `otklik program report`): built
 * for the actor's role, written in the format and language asked for, and recorded in the audit
 * log as an export (who, which program, format, language, which sections it held).
 */
export async function exportProgramReport(db: Kysely<Schema>, input: ExportProgramReportInput): Promise<ProgramReportFile> {
  const report = await buildProgramReport(db, { code: input.code, role: input.actor.role, now: input.now })
  const body = input.format === 'xlsx' ? await writeProgramReportXlsx(report, input.lang) : await writeProgramReportPdf(report, input.lang)
  await recordAuditEvent(db, input.actor, {
    action: 'program.report_export',
    entity: 'program',
    entityId: report.program.code,
    details: { format: input.format, lang: input.lang, case: 'value' in report.businessCase, verdict: 'value' in report.verdict, decisions: report.decisions.length },
  })
  return {
    fileName: `program-${report.program.code}-report-${input.now.toISOString().slice(0, 10)}.${input.format}`,
    contentType: CONTENT_TYPES[input.format],
    body,
  }
}
