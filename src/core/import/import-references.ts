/**
 * The catalogues an import resolves cells against, keyed by lower-case code or name (and login for
 * managers). Small reference tables: loaded once per import.
 */
export type ImportReferences = {
  branches: ReadonlyMap<string, { id: number; regionCode: string }>
  regions: ReadonlyMap<string, string>
  products: ReadonlyMap<string, string>
  managers: ReadonlyMap<string, number>
}

export const NO_REFERENCES: ImportReferences = {
  branches: new Map(),
  regions: new Map(),
  products: new Map(),
  managers: new Map(),
}
