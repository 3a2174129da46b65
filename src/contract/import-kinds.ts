// What a file can load into the client base, and the bank's reference data the client base refers
// to (regions, branches); and the responses of a program (one program per file). A Berka import (PKDD'99 data set) is its own kind: several files of a
// fixed format, see src/core/import/berka/.
export const IMPORT_KINDS = ['clients', 'holdings', 'activity', 'consents', 'regions', 'branches', 'responses'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]
