import { IMPORT_KINDS, type ImportKind } from '../../contract/import-kinds.ts'

// The kinds are part of the contract with the web (src/contract/import-kinds.ts).
export { IMPORT_KINDS, type ImportKind }

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value)
}
