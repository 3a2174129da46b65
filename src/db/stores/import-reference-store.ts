import type { Kysely } from 'kysely'
import type { ImportReferences } from '../../core/import/import-references.ts'
import type { Schema } from '../schema.ts'

/** The catalogues an import resolves codes and names against, keyed in lower case. */
export async function loadImportReferences(db: Kysely<Schema>): Promise<ImportReferences> {
  const [branches, regions, products, users] = await Promise.all([
    db.selectFrom('branches').select(['id', 'code', 'name', 'region_code']).execute(),
    db.selectFrom('regions').select(['code', 'name']).execute(),
    db.selectFrom('products').select('code').execute(),
    db.selectFrom('users').select(['id', 'login']).where('active', '=', true).execute(),
  ])
  const branchMap = new Map<string, { id: number; regionCode: string }>()
  // Names are a convenience; a code always wins over another branch's name.
  for (const b of branches) branchMap.set(b.name.toLowerCase(), { id: b.id, regionCode: b.region_code })
  for (const b of branches) branchMap.set(b.code.toLowerCase(), { id: b.id, regionCode: b.region_code })
  const regionMap = new Map<string, string>()
  for (const r of regions) regionMap.set(r.name.toLowerCase(), r.code)
  for (const r of regions) regionMap.set(r.code.toLowerCase(), r.code)
  return {
    branches: branchMap,
    regions: regionMap,
    products: new Map(products.map((p) => [p.code.toLowerCase(), p.code])),
    managers: new Map(users.map((u) => [u.login.toLowerCase(), u.id])),
  }
}
