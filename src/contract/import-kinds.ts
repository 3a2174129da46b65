// What a file can load into the client base, and the bank's reference data the client base refers
// to (regions, branches); and the responses of a program (one program per file). A Berka import (PKDD'99 data set) is its own kind: several files of a
// fixed format, see src/core/import/berka/. And the call centre's call log (issue 10, item 6).
export const IMPORT_KINDS = ['clients', 'holdings', 'activity', 'consents', 'regions', 'branches', 'responses', 'calls'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

// Files of an outside format with an import of their own rather than a column mapping: consumer
// complaint exports (kind `complaints` in the history: src/app/import/cfpb/), market complaints kept
// apart from the bank's own. The CFPB's is the one format so far.
export const COMPLAINT_FILE_KIND = 'complaints'
export const COMPLAINT_FILE_FORMATS = ['cfpb'] as const
export type ComplaintFileFormat = (typeof COMPLAINT_FILE_FORMATS)[number]
