import type { Role } from './roles.ts'
import type { ImportKind } from './import-kinds.ts'

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
}

export function mayImportKind(role: Role, kind: ImportKind): boolean {
  return IMPORT_KIND_ROLES[kind].includes(role)
}
