import type { Kysely } from 'kysely'
import type { Role } from '../../contract/roles.ts'
import { productForRole } from '../../core/product-economics.ts'
import type { Schema } from '../../db/schema.ts'
import { listProducts as listProductRows } from '../../db/stores/reference-store.ts'

/** The product catalogue as a role may read it: economics only for the roles cleared for them. */
export async function listProducts(db: Kysely<Schema>, input: { role: Role }) {
  return (await listProductRows(db)).map((product) => productForRole(input.role, product))
}
