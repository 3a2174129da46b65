import type { Kysely } from 'kysely'
import type { ProductIdeaEvidenceBody, ProductIdeaItem, ProductIdeaPatch } from '../../contract/product-idea-schemas.ts'
import { PRODUCT_IDEA_MOVES, type ProductIdeaStatus } from '../../contract/product-idea-statuses.ts'
import { reason } from '../../contract/reason-codes.ts'
import { checkStatusMove } from '../../core/check-status-move.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findRequestKeys } from '../../db/stores/client-request-store.ts'
import { linkIdeaRequests, lockProductIdea, unlinkIdeaRequests, updateProductIdea, type ProductIdeaRow } from '../../db/stores/product-idea-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { readProductIdea } from './list-product-ideas.ts'

// The client economist's changes to an idea on the board, each under the idea's lock and audited:
// its words, its status (by the table of moves), its evidence.

type ChangeInput = { id: number; actor: SessionUser; now: Date }

async function changeIdea(db: Kysely<Schema>, input: ChangeInput, change: (trx: Kysely<Schema>, idea: ProductIdeaRow) => Promise<void>): Promise<ProductIdeaItem> {
  await db.transaction().execute(async (trx) => {
    const idea = await lockProductIdea(trx, input.id)
    if (!idea) throw new DomainError('not_found', `No product idea ${input.id}`, reason('product_idea.not_found', { idea: input.id }))
    await change(trx, idea)
  })
  return readProductIdea(db, input.id, input.now)
}

const audit = (trx: Kysely<Schema>, input: ChangeInput, action: 'product_idea.update' | 'product_idea.move' | 'product_idea.evidence', details: Record<string, unknown>) =>
  appendAuditEvent(trx, { userId: input.actor.id, login: input.actor.login, action, entity: 'product_idea', entityId: String(input.id), details })

export async function updateProductIdeaText(db: Kysely<Schema>, input: ChangeInput & { patch: ProductIdeaPatch }): Promise<ProductIdeaItem> {
  return changeIdea(db, input, async (trx) => {
    await updateProductIdea(trx, input.id, { ...input.patch, at: input.now })
    await audit(trx, input, 'product_idea.update', { fields: Object.keys(input.patch) })
  })
}

/** A move by PRODUCT_IDEA_MOVES; any other is 409 naming the moves allowed. */
export async function moveProductIdea(db: Kysely<Schema>, input: ChangeInput & { to: ProductIdeaStatus }): Promise<ProductIdeaItem> {
  return changeIdea(db, input, async (trx, idea) => {
    checkStatusMove({ what: 'product_idea', moves: PRODUCT_IDEA_MOVES, from: idea.status, to: input.to })
    await updateProductIdea(trx, input.id, { status: input.to, at: input.now })
    await audit(trx, input, 'product_idea.move', { from: idea.status, to: input.to })
  })
}

/** Links requests to the idea as its evidence and unlinks others; an unknown request id is 400 naming its place in the body. */
export async function changeIdeaEvidence(db: Kysely<Schema>, input: ChangeInput & { body: ProductIdeaEvidenceBody }): Promise<ProductIdeaItem> {
  return changeIdea(db, input, async (trx) => {
    const found = await findRequestKeys(trx, input.body.add)
    const known = new Set(found.map((r) => r.id))
    const missing = input.body.add.findIndex((id) => !known.has(id))
    if (missing >= 0) {
      const request = input.body.add[missing]!
      throw new DomainError('invalid_input', `add.${missing}: no special request ${request}`, reason('product_idea.unknown_request', { field: `add.${missing}`, request }))
    }
    const added = await linkIdeaRequests(trx, { ideaId: input.id, requests: found, by: input.actor.login, at: input.now })
    const removed = await unlinkIdeaRequests(trx, input.id, input.body.remove)
    await updateProductIdea(trx, input.id, { at: input.now })
    await audit(trx, input, 'product_idea.evidence', { added, removed })
  })
}
