import type { Kysely } from 'kysely'
import type { ImportCatalogues } from '../../core/import/index-import-references.ts'
import type { Schema } from '../schema.ts'

/** The catalogues an import resolves codes and names against (core/import/index-import-references.ts keys them). */
export async function loadImportCatalogues(db: Kysely<Schema>): Promise<ImportCatalogues> {
  const [branches, regions, products, users] = await Promise.all([
    db.selectFrom('branches').select(['id', 'code', 'name', 'region_code']).orderBy('id').execute(),
    db.selectFrom('regions').select(['code', 'name']).orderBy('code').execute(),
    db.selectFrom('products').select('code').execute(),
    db.selectFrom('users').select(['id', 'login']).where('active', '=', true).execute(),
  ])
  return {
    branches: branches.map((b) => ({ id: b.id, code: b.code, name: b.name, regionCode: b.region_code })),
    regions,
    products: products.map((p) => p.code),
    managers: users,
  }
}
