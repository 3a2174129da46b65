import { IMPORT_KINDS, type ImportKind } from '../../contract/import-kinds.ts'

// The kinds are part of the contract with the web (src/contract/import-kinds.ts).
export { IMPORT_KINDS, type ImportKind }

/** Kinds of reference data: keyed by their own code, not by a client. */
export const REFERENCE_KINDS = ['regions', 'branches'] as const satisfies readonly ImportKind[]
export type ReferenceKind = (typeof REFERENCE_KINDS)[number]

export function isReferenceKind(kind: string): kind is ReferenceKind {
  return (REFERENCE_KINDS as readonly string[]).includes(kind)
}

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value)
}
