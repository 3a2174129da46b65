import { addNote } from '../../app/clients/add-note.ts'
import { exportClients } from '../../app/clients/export-clients.ts'
import { searchClients } from '../../app/clients/search-clients.ts'
import { viewClientCard } from '../../app/clients/view-client-card.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { idParams } from '../../contract/query-params.ts'
import { requireRouteAccess } from '../require-route-access.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { signedInUser } from '../signed-in-user.ts'
import { clientCard, clientExportQuery, clientList, clientListQuery, note, noteBody } from '../../contract/client-schemas.ts'

// Client 360: the list, the export, the card and notes. Personal fields are masked, and the branch
// scope applied, in the use cases; a wave's members answer only who may read the wave.
export function registerClientRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/clients',
    { config: { access: ROUTE_ACCESS['GET /api/clients'] }, schema: { querystring: clientListQuery, response: { 200: clientList } } },
    async (request) => {
      const { sort, order, limit, offset, ...search } = request.query
      const viewer = signedInUser(request)
      if (search.wave !== undefined) requireRouteAccess(viewer.role, 'GET /api/waves/:id')
      return searchClients(deps.db.kysely, { viewer, search, page: { sort, order, limit, offset } })
    },
  )

  app.get(
    '/api/clients/export',
    { config: { access: ROUTE_ACCESS['GET /api/clients/export'] }, schema: { querystring: clientExportQuery } },
    async (request, reply) => {
      const { format, lang, ...search } = request.query
      const viewer = signedInUser(request)
      if (search.wave !== undefined) requireRouteAccess(viewer.role, 'GET /api/waves/:id')
      const file = await exportClients(deps.db.kysely, { viewer, search, format, lang, now: deps.now() })
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-row-count', String(file.rowCount))
        .send(file.body)
    },
  )

  app.get(
    '/api/clients/:id',
    { config: { access: ROUTE_ACCESS['GET /api/clients/:id'] }, schema: { params: idParams, response: { 200: clientCard } } },
    async (request) => viewClientCard(deps.db.kysely, { viewer: signedInUser(request), clientId: request.params.id }),
  )

  app.post(
    '/api/clients/:id/notes',
    {
      config: { access: ROUTE_ACCESS['POST /api/clients/:id/notes'] },
      schema: { params: idParams, body: noteBody, response: { 201: note } },
    },
    async (request, reply) => {
      const created = await addNote(deps.db.kysely, {
        author: signedInUser(request),
        clientId: request.params.id,
        ...request.body,
        now: deps.now(),
      })
      return reply.status(201).send(created)
    },
  )
}
