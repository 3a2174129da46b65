import type { ImportReferences } from './import-references.ts'
import { placeNameKey, type PlaceKind } from './place-name-key.ts'
import { REGION_ALIASES } from './region-aliases.ts'

/** The catalogues as stored: small reference tables, read once per import. */
export type ImportCatalogues = {
  branches: readonly { id: number; code: string; name: string; regionCode: string }[]
  regions: readonly { code: string; name: string }[]
  products: readonly string[]
  managers: readonly { id: number; login: string }[]
}

/**
 * Keys every catalogue entry by its lower-case code and, for regions and branches, by the key of
 * its name and (regions) of its other names (placeNameKey). A code always wins over another
 * entry's name; a name key two entries share finds neither.
 */
export function indexImportReferences(catalogues: ImportCatalogues): ImportReferences {
  const regions = new PlaceIndex<string>('region')
  for (const r of catalogues.regions) {
    regions.name(r.name, r.code)
    for (const alias of REGION_ALIASES[r.code] ?? []) regions.name(alias, r.code)
  }
  for (const r of catalogues.regions) regions.code(r.code, r.code)
  const branches = new PlaceIndex<{ id: number; regionCode: string }>('branch')
  const byId = new Map(catalogues.branches.map((b) => [b.id, { id: b.id, regionCode: b.regionCode }]))
  for (const b of catalogues.branches) branches.name(b.name, byId.get(b.id)!)
  for (const b of catalogues.branches) branches.code(b.code, byId.get(b.id)!)
  return {
    branches: branches.entries(),
    regions: regions.entries(),
    products: new Map(catalogues.products.map((code) => [code.toLowerCase(), code])),
    managers: new Map(catalogues.managers.map((u) => [u.login.toLowerCase(), u.id])),
  }
}

/** A place in an index: by the cell as written (lower case), else by the key of its words. */
export function findPlace<T>(index: ReadonlyMap<string, T>, text: string, kind: PlaceKind): T | undefined {
  const lower = text.trim().toLowerCase()
  return index.get(lower) ?? index.get(placeKey(text, kind))
}

// Name keys live beside lower-case codes in one map; the prefix keeps a code from ever being
// taken for another entry's name key.
function placeKey(text: string, kind: PlaceKind): string {
  return `\u0001${placeNameKey(text, kind)}`
}

class PlaceIndex<T> {
  private readonly map = new Map<string, T>()
  private readonly ambiguous = new Set<string>()
  constructor(private readonly kind: PlaceKind) {}

  name(name: string, value: T): void {
    this.add(name.trim().toLowerCase(), value)
    if (placeNameKey(name, this.kind) !== '') this.add(placeKey(name, this.kind), value)
  }

  code(code: string, value: T): void {
    const key = code.trim().toLowerCase()
    this.ambiguous.delete(key)
    this.map.set(key, value)
  }

  entries(): ReadonlyMap<string, T> {
    return this.map
  }

  private add(key: string, value: T): void {
    if (this.ambiguous.has(key)) return
    const known = this.map.get(key)
    if (known !== undefined && known !== value) {
      this.map.delete(key)
      this.ambiguous.add(key)
      return
    }
    this.map.set(key, value)
  }
}
