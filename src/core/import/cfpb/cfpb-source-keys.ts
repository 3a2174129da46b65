import { createHash } from 'node:crypto'
import type { CfpbComplaint } from './check-cfpb-row.ts'
import { CFPB_FORMAT_FIELDS, type CfpbFormat } from './cfpb-formats.ts'

// What a re-import of a complaint file upserts by (docs/cfpb-mapping.md "Key"). The current export
// carries the CFPB's Complaint ID: `id:<Complaint ID>`, and a second row of one file with the same
// ID is a duplicate. The older export has no ID, and identical rows are real there (the staged
// 3,186-row extract has 11 rows repeating an earlier one, counted in its PROVENANCE.md figures): the
// key is a digest of the row's 14 values with the row's ordinal among identical rows of the file,
// `row:<digest>:<n>`, so the same file loads the same keys again and adds nothing.

export type CfpbKeyResult = { key: string } | { duplicateOf: number }

export class CfpbSourceKeys {
  private readonly firstLines = new Map<number, number>()
  private readonly repeats = new Map<string, number>()

  constructor(private readonly format: CfpbFormat) {}

  /** The key of the complaint on this line, or the line that already had its Complaint ID. */
  assign(line: number, complaint: CfpbComplaint): CfpbKeyResult {
    if (complaint.complaintId !== null) {
      const first = this.firstLines.get(complaint.complaintId)
      if (first !== undefined) return { duplicateOf: first }
      this.firstLines.set(complaint.complaintId, line)
      return { key: `id:${complaint.complaintId}` }
    }
    const digest = rowDigest(this.format, complaint)
    const ordinal = (this.repeats.get(digest) ?? 0) + 1
    this.repeats.set(digest, ordinal)
    return { key: `row:${digest}:${ordinal}` }
  }
}

const FIELD_VALUES: Record<string, (c: CfpbComplaint) => string | number | boolean | null> = {
  received_on: (c) => c.receivedOn,
  product: (c) => c.product,
  sub_product: (c) => c.subProduct,
  issue: (c) => c.issue,
  sub_issue: (c) => c.subIssue,
  company: (c) => c.company,
  state: (c) => c.state,
  zip_code: (c) => c.zipCode,
  consumer_consent: (c) => c.consumerConsent,
  submitted_via: (c) => c.submittedVia,
  sent_on: (c) => c.sentOn,
  company_response: (c) => c.companyResponse,
  timely: (c) => c.timely,
  disputed: (c) => c.disputed,
}

/** 128 bits of SHA-256 over the values as read (dates normalised, cells trimmed), in base64url. */
function rowDigest(format: CfpbFormat, complaint: CfpbComplaint): string {
  const values = CFPB_FORMAT_FIELDS[format].map((field) => FIELD_VALUES[field]?.(complaint) ?? null)
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 22)
}
