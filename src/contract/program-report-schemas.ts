import { z } from 'zod'
import { LANGUAGES } from './language.ts'
import { optionalParam } from './query-params.ts'

// GET /api/programs/:code/report: the program report as a workbook with live formulas or a PDF
// with the charts, in Russian (the default, the bank's language) or English.
export const PROGRAM_REPORT_FORMATS = ['xlsx', 'pdf'] as const
export type ProgramReportFormat = (typeof PROGRAM_REPORT_FORMATS)[number]

export const programReportQuery = z.object({
  format: z.enum(PROGRAM_REPORT_FORMATS),
  lang: optionalParam(z.enum(LANGUAGES)).transform((lang) => lang ?? 'ru'),
})
