import type { Kysely } from 'kysely'
import type { ProductIdeaItem } from '../../contract/product-idea-schemas.ts'
import { PRODUCT_IDEA_MOVES } from '../../contract/product-idea-statuses.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { listProductIdeaRows, productIdeaEvidence } from '../../db/stores/product-idea-store.ts'
import { bankToday } from '../bank/bank-today.ts'

/** The board: every idea, last changed first, with its evidence (contract/product-idea-schemas.ts). No client rows. */
export async function listProductIdeas(db: Kysely<Schema>, now: Date): Promise<ProductIdeaItem[]> {
  return ideasWithEvidence(db, now)
}

/** One idea as the board shows it, or 404. */
export async function readProductIdea(db: Kysely<Schema>, id: number, now: Date): Promise<ProductIdeaItem> {
  const [idea] = await ideasWithEvidence(db, now, id)
  if (!idea) throw new DomainError('not_found', `No product idea ${id}`, reason('product_idea.not_found', { idea: id }))
  return idea
}

async function ideasWithEvidence(db: Kysely<Schema>, now: Date, id?: number): Promise<ProductIdeaItem[]> {
  const rows = await listProductIdeaRows(db, { id })
  const evidence = await productIdeaEvidence(db, rows.map((r) => r.id), await bankToday(db, now))
  return rows.map((row) => ({ ...row, allowedMoves: [...PRODUCT_IDEA_MOVES[row.status]], evidence: evidence.get(row.id)! }))
}
