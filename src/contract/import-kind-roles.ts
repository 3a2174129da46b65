import type { Role } from './roles.ts'
import { COMPLAINT_FILE_KIND, IMPORT_KINDS, type ImportKind } from './import-kinds.ts'

// Who may load what (the API; the CLI is run by whoever runs the machine). The admin runs the
// imports of the client base and the analyst owns its quality; a program's responses are loaded by
// the program economists who run programs and by the analyst who analyses them.
const BASE_IMPORTERS = ['admin', 'analyst'] as const satisfies readonly Role[]

export const IMPORT_KIND_ROLES: Record<ImportKind, readonly Role[]> = {
  clients: BASE_IMPORTERS,
  holdings: BASE_IMPORTERS,
  activity: BASE_IMPORTERS,
  consents: BASE_IMPORTERS,
  regions: BASE_IMPORTERS,
  branches: BASE_IMPORTERS,
  responses: ['program_economist', 'analyst'],
  // The client economist analyses the call centre's data (DESIGN.md roles); the admin runs the
  // bank's regular loads.
  calls: ['client_economist', 'admin'],
}

export function mayImportKind(role: Role, kind: ImportKind): boolean {
  return IMPORT_KIND_ROLES[kind].includes(role)
}

// Complaint files (market complaints, no client data of the bank's) are the client economist's, who
// studies complaints, and the keepers of imports'.
export const COMPLAINT_FILE_IMPORTERS = ['client_economist', ...BASE_IMPORTERS] as const satisfies readonly Role[]

export function mayImportComplaintFile(role: Role): boolean {
  return (COMPLAINT_FILE_IMPORTERS as readonly Role[]).includes(role)
}

// An import's rejected rows quote the file's cells (clients' names, phones, e-mails): a role reads
// them for the kinds it loads. The head and the keepers of the client base read every import's
// result; only the keepers download the rejected rows.
const READS_EVERY_IMPORT: readonly Role[] = ['admin', 'analyst', 'head']
const DOWNLOADS_EVERY_REJECTION: readonly Role[] = ['admin', 'analyst']

// `kind` as the history stores it: one of IMPORT_KINDS, `complaints` (complaint files), or `berka`
// (the PKDD'99 files, CLI only).
const loadsKind = (role: Role, kind: string) =>
  kind === COMPLAINT_FILE_KIND ? mayImportComplaintFile(role) : (IMPORT_KINDS as readonly string[]).includes(kind) && mayImportKind(role, kind as ImportKind)

/** May the role read this import's result with its first rejected rows (GET /api/imports/:id)? */
export function mayReadImport(role: Role, kind: string): boolean {
  return READS_EVERY_IMPORT.includes(role) || loadsKind(role, kind)
}

/**
 * The kinds of import whose history the role reads (GET /api/imports), or `all`: the history lists
 * only imports the role may open, so a program economist does not see the client base's loads.
 */
export function importKindsReadBy(role: Role): 'all' | readonly string[] {
  if (READS_EVERY_IMPORT.includes(role)) return 'all'
  const kinds: string[] = IMPORT_KINDS.filter((kind) => mayImportKind(role, kind))
  return mayImportComplaintFile(role) ? [...kinds, COMPLAINT_FILE_KIND] : kinds
}

/** May the role download all of this import's rejected rows (GET /api/imports/:id/rejections)? */
export function mayDownloadRejections(role: Role, kind: string): boolean {
  return DOWNLOADS_EVERY_REJECTION.includes(role) || loadsKind(role, kind)
}
