import { z } from 'zod'
import { PRODUCT_IDEA_STATUSES } from './product-idea-statuses.ts'
import { PRODUCT_TYPES } from './product-types.ts'
import { recordId } from './query-params.ts'
import { SEGMENTS } from './segments.ts'

// The requests and answers of /api/product-ideas (src/http/routes/product-idea-routes.ts), shared
// with the web. Money is exact: roubles as decimal strings.

export const productIdeaBody = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  productType: z.enum(PRODUCT_TYPES).nullable().default(null),
}).strict()
export type ProductIdeaBody = z.infer<typeof productIdeaBody>

export const productIdeaPatch = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(4000).optional(),
  productType: z.enum(PRODUCT_TYPES).nullable().optional(),
}).strict().refine((body) => Object.keys(body).length > 0, { message: 'give a title, a description or a productType', path: ['title'] })
export type ProductIdeaPatch = z.infer<typeof productIdeaPatch>

export const productIdeaMove = z.object({ to: z.enum(PRODUCT_IDEA_STATUSES) }).strict()

/** Requests to link to an idea as its evidence, or to unlink. */
export const productIdeaEvidenceBody = z.object({
  add: z.array(recordId).max(500).default([]),
  remove: z.array(recordId).max(500).default([]),
}).strict().refine((body) => body.add.length + body.remove.length > 0, { message: 'give request ids to add or remove', path: ['add'] })
export type ProductIdeaEvidenceBody = z.infer<typeof productIdeaEvidenceBody>

/**
 * What an idea's requests show. `funds` is what the idea is worth to the bank: the sum of the
 * requesting clients' balances on their open funds products (accounts, cards, deposits, savings,
 * investments), each client counted once. Those are the funds at stake if a competitor gives them
 * what they asked for, and what the bank can grow by giving it; a loan's debt is not, so loans are left out.
 */
export const productIdeaEvidence = z.object({
  requests: z.number(),
  clients: z.number(),
  bySegment: z.array(z.object({ segment: z.enum(SEGMENTS), requests: z.number() })),
  byBranch: z.array(z.object({ branchId: z.number().nullable(), branchName: z.string().nullable(), requests: z.number() })),
  funds: z.string(),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
})
export type ProductIdeaEvidence = z.infer<typeof productIdeaEvidence>

export const productIdeaItem = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  productType: z.enum(PRODUCT_TYPES).nullable(),
  status: z.enum(PRODUCT_IDEA_STATUSES),
  allowedMoves: z.array(z.enum(PRODUCT_IDEA_STATUSES)),
  createdAt: z.string(),
  updatedAt: z.string(),
  statusChangedAt: z.string(),
  evidence: productIdeaEvidence,
})
export type ProductIdeaItem = z.infer<typeof productIdeaItem>

export const productIdeaList = z.array(productIdeaItem)
