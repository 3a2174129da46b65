import type { Kysely } from 'kysely'
import type { ProductIdeaBody, ProductIdeaItem } from '../../contract/product-idea-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { insertProductIdea } from '../../db/stores/product-idea-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { readProductIdea } from './list-product-ideas.ts'

export type CreateProductIdeaInput = { body: ProductIdeaBody; actor: SessionUser; now: Date }

/** A new idea on the board, status new and no evidence yet; audited. */
export async function createProductIdea(db: Kysely<Schema>, input: CreateProductIdeaInput): Promise<ProductIdeaItem> {
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertProductIdea(trx, { ...input.body, createdBy: input.actor.id, at: input.now })
    await appendAuditEvent(trx, { userId: input.actor.id, login: input.actor.login, action: 'product_idea.create', entity: 'product_idea', entityId: String(id), details: { title: input.body.title } })
    return id
  })
  return readProductIdea(db, id, input.now)
}
