import type { ComplaintFileResult } from '../../../contract/complaint-file-schemas.ts'
import type { ComplaintFileOutcome } from './import-complaint-file.ts'

/** The import JSON of a complaint file, the same from the CLI (`--json`, with its rejections) and the API. */
export function complaintFileJson(outcome: ComplaintFileOutcome, dryRun: boolean): ComplaintFileResult {
  return {
    id: outcome.id, dryRun, format: outcome.format, loaded: outcome.loaded, rejected: outcome.rejected, added: outcome.added, by_product: outcome.byProduct,
  }
}
