import { categoriseClientRequest } from '../../app/branch-requests/categorise-client-request.ts'
import { countClientRequests } from '../../app/branch-requests/count-client-requests.ts'
import { listRequests } from '../../app/branch-requests/list-client-requests.ts'
import { recordClientRequest } from '../../app/branch-requests/record-client-request.ts'
import {
  clientRequestBody, clientRequestCountQuery, clientRequestCounts, clientRequestItem, clientRequestList, clientRequestListQuery, clientRequestPatch,
} from '../../contract/client-request-schemas.ts'
import { idParams } from '../../contract/query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

// Special client requests (issue 10, item 5): recorded from the client card, listed in the
// viewer's scope, categorised by the client economist and counted by month.
export function registerClientRequestRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely

  app.post(
    '/api/clients/:id/requests',
    { config: { access: ROUTE_ACCESS['POST /api/clients/:id/requests'] }, schema: { params: idParams, body: clientRequestBody, response: { 201: clientRequestItem } } },
    async (request, reply) => {
      const created = await recordClientRequest(db, { ...request.body, author: signedInUser(request), clientId: request.params.id, now: deps.now() })
      return reply.status(201).send(created)
    },
  )
  app.get(
    '/api/requests',
    { config: { access: ROUTE_ACCESS['GET /api/requests'] }, schema: { querystring: clientRequestListQuery, response: { 200: clientRequestList } } },
    async (request) => listRequests(db, signedInUser(request), request.query),
  )
  app.get(
    '/api/requests/counts',
    { config: { access: ROUTE_ACCESS['GET /api/requests/counts'] }, schema: { querystring: clientRequestCountQuery, response: { 200: clientRequestCounts } } },
    async (request) => countClientRequests(db, { ...request.query, now: deps.now() }),
  )
  app.patch(
    '/api/requests/:id',
    { config: { access: ROUTE_ACCESS['PATCH /api/requests/:id'] }, schema: { params: idParams, body: clientRequestPatch, response: { 200: clientRequestItem } } },
    async (request) => categoriseClientRequest(db, { ...request.body, id: request.params.id, viewer: signedInUser(request), now: deps.now() }),
  )
}
