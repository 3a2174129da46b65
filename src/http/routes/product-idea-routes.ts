import { changeIdeaEvidence, moveProductIdea, updateProductIdeaText } from '../../app/branch-requests/change-product-idea.ts'
import { createProductIdea } from '../../app/branch-requests/create-product-idea.ts'
import { listProductIdeas } from '../../app/branch-requests/list-product-ideas.ts'
import { productIdeaBody, productIdeaEvidenceBody, productIdeaItem, productIdeaList, productIdeaMove, productIdeaPatch } from '../../contract/product-idea-schemas.ts'
import { idParams } from '../../contract/query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { FastifyRequest } from 'fastify'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

// The client economist's board of product ideas (issue 10, item 5), each with its evidence.
export function registerProductIdeaRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely
  const ideaChange = (request: FastifyRequest & { params: { id: number } }) => ({ id: request.params.id, actor: signedInUser(request), now: deps.now() })

  app.get(
    '/api/product-ideas',
    { config: { access: ROUTE_ACCESS['GET /api/product-ideas'] }, schema: { response: { 200: productIdeaList } } },
    async () => listProductIdeas(db, deps.now()),
  )
  app.post(
    '/api/product-ideas',
    { config: { access: ROUTE_ACCESS['POST /api/product-ideas'] }, schema: { body: productIdeaBody, response: { 201: productIdeaItem } } },
    async (request, reply) => reply.status(201).send(await createProductIdea(db, { body: request.body, actor: signedInUser(request), now: deps.now() })),
  )
  app.patch(
    '/api/product-ideas/:id',
    { config: { access: ROUTE_ACCESS['PATCH /api/product-ideas/:id'] }, schema: { params: idParams, body: productIdeaPatch, response: { 200: productIdeaItem } } },
    async (request) => updateProductIdeaText(db, { ...ideaChange(request), patch: request.body }),
  )
  app.post(
    '/api/product-ideas/:id/transition',
    { config: { access: ROUTE_ACCESS['POST /api/product-ideas/:id/transition'] }, schema: { params: idParams, body: productIdeaMove, response: { 200: productIdeaItem } } },
    async (request) => moveProductIdea(db, { ...ideaChange(request), to: request.body.to }),
  )
  app.post(
    '/api/product-ideas/:id/evidence',
    { config: { access: ROUTE_ACCESS['POST /api/product-ideas/:id/evidence'] }, schema: { params: idParams, body: productIdeaEvidenceBody, response: { 200: productIdeaItem } } },
    async (request) => changeIdeaEvidence(db, { ...ideaChange(request), body: request.body }),
  )
}
