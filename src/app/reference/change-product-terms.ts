import type { Kysely } from 'kysely'
import type { ProductChanges } from '../../contract/reference-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import type { Role } from '../../contract/roles.ts'
import { checkProductTerms } from '../../core/check-product-terms.ts'
import { DomainError } from '../../core/domain-error.ts'
import { productForRole } from '../../core/product-economics.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { lockProduct, openProgramsOnProduct, updateProductTerms, type Product } from '../../db/stores/reference-store.ts'

export type ChangeProductTermsInput = {
  code: string
  changes: ProductChanges
  actor: { id: number | null; login: string; role: Role }
  now: Date
}

/**
 * The head or the admin changes a product's terms in the catalogue. The terms are checked as they
 * would stand after the change (core/check-product-terms.ts); one transaction writes them and an
 * audit event with each changed field before and after, and the open programs on the product.
 * A decision already taken is not touched: its snapshot keeps the case it was taken on, while the
 * programs' cases, computed on reading, count on the new terms from now on.
 */
export async function changeProductTerms(db: Kysely<Schema>, input: ChangeProductTermsInput) {
  return db.transaction().execute(async (tx) => {
    const before = await lockProduct(tx, input.code)
    if (!before) throw new DomainError('not_found', `No product ${input.code}`, reason('product.not_found', { product: input.code }))
    checkProductTerms(before.type, { ...before, ...input.changes })
    const changed = (Object.keys(input.changes) as (keyof ProductChanges)[]).filter((field) => input.changes[field] !== before[field]).sort()
    const programs = await openProgramsOnProduct(tx, input.code)
    if (changed.length === 0) return { product: productForRole(input.actor.role, before), programs }
    await updateProductTerms(tx, { code: input.code, changes: input.changes, by: input.actor.id, at: input.now })
    const after = (await lockProduct(tx, input.code))!
    const pick = (product: Product) => Object.fromEntries(changed.map((field) => [field, product[field]]))
    await appendAuditEvent(tx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'product.update',
      entity: 'product',
      entityId: input.code,
      details: { before: pick(before), after: pick(after), programs: programs.map((p) => p.code) },
    })
    return { product: productForRole(input.actor.role, after), programs }
  })
}
