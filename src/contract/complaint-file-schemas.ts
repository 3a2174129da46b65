import { z } from 'zod'
import { COMPLAINT_FILE_FORMATS } from './import-kinds.ts'
import { importRejection } from './import-schemas.ts'

// Complaint files (issue 10, item 2): a CFPB export uploaded from the "Market complaints" page
// (POST /api/complaint-files) and the analysis of everything loaded (GET /api/complaint-files/analysis).
// The upload answers the CLI's JSON (`otklik import complaints FILE --format cfpb --json`).

export const complaintFileForm = z.object({
  format: z.enum(COMPLAINT_FILE_FORMATS).default('cfpb'),
  dryRun: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
})

export const complaintFileResult = z.object({
  id: z.number(),
  dryRun: z.boolean(),
  format: z.enum(['cfpb14', 'cfpb18']).nullable(),
  loaded: z.number(),
  rejected: z.number(),
  /** Loaded complaints not stored before; the others were updated. */
  added: z.number(),
  by_product: z.record(z.string(), z.number()),
})
export type ComplaintFileResult = z.infer<typeof complaintFileResult>

/** The page's upload answers the same, with the first rejected rows (UPLOAD_REJECTIONS) by line. */
export const complaintFileUpload = complaintFileResult.extend({ rejections: z.array(importRejection) })
export type ComplaintFileUpload = z.infer<typeof complaintFileUpload>
export const UPLOAD_REJECTIONS = 200

const count = z.object({ key: z.string(), count: z.number() })

/** Yes among the answered (blank and N/A are not answers), and its share of them (null: none answered). */
const answerShare = z.object({ answered: z.number(), yes: z.number(), share: z.number().nullable() })

export const complaintFileAnalysis = z.object({
  total: z.number(),
  /** The imports that stored complaints, newest first. */
  files: z.array(z.object({ importId: z.number(), fileName: z.string(), finishedAt: z.string().nullable(), complaints: z.number() })),
  /** Received from the first to the last day, 'YYYY-MM-DD'; null when nothing is loaded. */
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  byProduct: z.array(count),
  /** By Otklik's category code (contract/complaint-categories.ts). */
  byCategory: z.array(count),
  /** The most frequent issues (ISSUE_LIMIT), the rest summed in `otherIssues`. */
  byIssue: z.array(count),
  otherIssues: z.number(),
  byCompanyResponse: z.array(count),
  /** The companies complained about most (COMPANY_LIMIT). */
  byCompany: z.array(count),
  /** 'YYYY-MM' → complaints received in it, every month from the first to the last. */
  byMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  timely: answerShare,
  disputed: answerShare,
})
export type ComplaintFileAnalysis = z.infer<typeof complaintFileAnalysis>

export const ISSUE_LIMIT = 12
export const COMPANY_LIMIT = 10
