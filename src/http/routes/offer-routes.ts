import { z } from 'zod'
import { approveOffer } from '../../app/offer/approve-offer.ts'
import { createOffer } from '../../app/offer/create-offer.ts'
import { previewOffer } from '../../app/offer/preview-offer.ts'
import { previewOfferLetterPdf } from '../../app/offer/preview-offer-letter-pdf.ts'
import { replaceOffer } from '../../app/offer/replace-offer.ts'
import { retireOffer } from '../../app/offer/retire-offer.ts'
import { listOffers, viewOffer } from '../../app/offer/view-offer.ts'
import { approveOfferBody, createOfferBody, offerCode, offerDetail, offerList, offerPreview, previewOfferBody, previewOfferPdfQuery, replaceOfferBody, retireOfferBody } from '../../contract/offer-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

const codeParams = z.object({ code: offerCode })

// The marketer's offers (issue 8, item 1): the catalogue, versions, approval, a preview for a client.
export function registerOfferRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely

  app.post(
    '/api/offers',
    { config: { access: ROUTE_ACCESS['POST /api/offers'] }, schema: { body: createOfferBody, response: { 201: offerDetail } } },
    async (request, reply) => reply.code(201).send(await createOffer(db, { body: request.body, actor: signedInUser(request) })),
  )

  app.get('/api/offers', { config: { access: ROUTE_ACCESS['GET /api/offers'] }, schema: { response: { 200: offerList } } }, async () => listOffers(db))

  app.get(
    '/api/offers/:code',
    { config: { access: ROUTE_ACCESS['GET /api/offers/:code'] }, schema: { params: codeParams, response: { 200: offerDetail } } },
    async (request) => viewOffer(db, request.params.code),
  )

  app.put(
    '/api/offers/:code',
    { config: { access: ROUTE_ACCESS['PUT /api/offers/:code'] }, schema: { params: codeParams, body: replaceOfferBody, response: { 200: offerDetail } } },
    async (request) => replaceOffer(db, { code: request.params.code, body: request.body, actor: signedInUser(request) }),
  )

  app.post(
    '/api/offers/:code/approve',
    { config: { access: ROUTE_ACCESS['POST /api/offers/:code/approve'] }, schema: { params: codeParams, body: approveOfferBody.optional(), response: { 200: offerDetail } } },
    async (request) => approveOffer(db, { code: request.params.code, version: request.body?.version, actor: signedInUser(request), now: deps.now() }),
  )

  app.post(
    '/api/offers/:code/retire',
    { config: { access: ROUTE_ACCESS['POST /api/offers/:code/retire'] }, schema: { params: codeParams, body: retireOfferBody.optional(), response: { 200: offerDetail } } },
    async (request) => retireOffer(db, { code: request.params.code, ...request.body, actor: signedInUser(request), now: deps.now() }),
  )

  app.post(
    '/api/offers/:code/preview',
    { config: { access: ROUTE_ACCESS['POST /api/offers/:code/preview'] }, schema: { params: codeParams, body: previewOfferBody, response: { 200: offerPreview } } },
    async (request) => previewOffer(db, { code: request.params.code, ...request.body, viewer: signedInUser(request) }),
  )

  app.get(
    '/api/offers/:code/preview.pdf',
    { config: { access: ROUTE_ACCESS['GET /api/offers/:code/preview.pdf'] }, schema: { params: codeParams, querystring: previewOfferPdfQuery } },
    async (request, reply) => {
      const { clientId, language } = request.query
      const pdf = await previewOfferLetterPdf(db, { code: request.params.code, clientId, language, viewer: signedInUser(request), now: deps.now() })
      // A client's name and address: shown in the page, never kept in a shared cache.
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="offer-${request.params.code}-letter-${clientId}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf)
    },
  )
}
