import type { Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// The bank's small catalogues: regions, branches, products.

export type Region = { code: string; name: string }
export type Branch = { id: number; code: string; name: string; regionCode: string; regionName: string; city: string | null }
export type Product = {
  code: string
  type: string
  name: string
  ftpRate: number | null
  clientRate: number | null
  feeRate: number | null
  probabilityOfDefault: number | null
  lossGivenDefault: number | null
  lifetimeMonths: number | null
  active: boolean
}

export async function listRegions(db: Kysely<Schema>): Promise<Region[]> {
  return db.selectFrom('regions').select(['code', 'name']).orderBy('name').orderBy('code').execute()
}

export async function listBranches(db: Kysely<Schema>): Promise<Branch[]> {
  return db
    .selectFrom('branches')
    .innerJoin('regions', 'regions.code', 'branches.region_code')
    .select([
      'branches.id',
      'branches.code',
      'branches.name',
      'branches.region_code as regionCode',
      'regions.name as regionName',
      'branches.city',
    ])
    .orderBy('branches.code')
    .execute()
}

export async function listProducts(db: Kysely<Schema>): Promise<Product[]> {
  return db
    .selectFrom('products')
    .select([
      'code',
      'type',
      'name',
      'ftp_rate as ftpRate',
      'client_rate as clientRate',
      'fee_rate as feeRate',
      'probability_of_default as probabilityOfDefault',
      'loss_given_default as lossGivenDefault',
      'lifetime_months as lifetimeMonths',
      'active',
    ])
    .orderBy('type')
    .orderBy('code')
    .execute()
}

export async function branchExists(db: Kysely<Schema>, branchId: number): Promise<boolean> {
  const row = await db.selectFrom('branches').select('id').where('id', '=', branchId).executeTakeFirst()
  return Boolean(row)
}
