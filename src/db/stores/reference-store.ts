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
  /** The last change through the catalogue (PATCH /api/products/:code); null before any. */
  updatedAt: string | null
  updatedBy: string | null
}

/** What the catalogue page changes: the economics and whether the product is still offered. */
export type ProductTermsChange = Partial<Pick<Product, 'ftpRate' | 'clientRate' | 'feeRate' | 'probabilityOfDefault' | 'lossGivenDefault' | 'lifetimeMonths' | 'active'>>

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

const productColumns = (db: Kysely<Schema>) =>
  db
    .selectFrom('products as p')
    .leftJoin('users as u', 'u.id', 'p.updated_by')
    .select([
      'p.code',
      'p.type',
      'p.name',
      'p.ftp_rate as ftpRate',
      'p.client_rate as clientRate',
      'p.fee_rate as feeRate',
      'p.probability_of_default as probabilityOfDefault',
      'p.loss_given_default as lossGivenDefault',
      'p.lifetime_months as lifetimeMonths',
      'p.active',
      'p.updated_at',
      'u.login as updatedBy',
    ])

type ProductRow = Omit<Product, 'updatedAt'> & { updated_at: Date | null }
const toProduct = ({ updated_at, ...row }: ProductRow): Product => ({ ...row, updatedAt: updated_at ? updated_at.toISOString() : null })

export async function listProducts(db: Kysely<Schema>): Promise<Product[]> {
  const rows = await productColumns(db).orderBy('p.type').orderBy('p.code').execute()
  return rows.map(toProduct)
}

/** One product, locked for a change in this transaction. */
export async function lockProduct(db: Kysely<Schema>, code: string): Promise<Product | undefined> {
  const row = await productColumns(db).where('p.code', '=', code).forUpdate('p').executeTakeFirst()
  return row && toProduct(row)
}

export async function updateProductTerms(db: Kysely<Schema>, input: { code: string; changes: ProductTermsChange; by: number | null; at: Date }): Promise<void> {
  const { changes } = input
  await db
    .updateTable('products')
    .set({
      ...(changes.ftpRate !== undefined && { ftp_rate: changes.ftpRate }),
      ...(changes.clientRate !== undefined && { client_rate: changes.clientRate }),
      ...(changes.feeRate !== undefined && { fee_rate: changes.feeRate }),
      ...(changes.probabilityOfDefault !== undefined && { probability_of_default: changes.probabilityOfDefault }),
      ...(changes.lossGivenDefault !== undefined && { loss_given_default: changes.lossGivenDefault }),
      ...(changes.lifetimeMonths !== undefined && { lifetime_months: changes.lifetimeMonths }),
      ...(changes.active !== undefined && { active: changes.active }),
      updated_at: input.at,
      updated_by: input.by,
    })
    .where('code', '=', input.code)
    .execute()
}

/** The programs still open (neither closed nor cancelled) whose target is the product: their cases count on its terms. */
export async function openProgramsOnProduct(db: Kysely<Schema>, code: string): Promise<{ code: string; status: string }[]> {
  return db
    .selectFrom('programs')
    .select(['code', 'status'])
    .where('target_product', '=', code)
    .where('status', 'not in', ['closed', 'cancelled'])
    .orderBy('code')
    .execute()
}

export async function branchExists(db: Kysely<Schema>, branchId: number): Promise<boolean> {
  const row = await db.selectFrom('branches').select('id').where('id', '=', branchId).executeTakeFirst()
  return Boolean(row)
}
