import { exportContactHistory } from '../../app/contacts/export-contact-history.ts'
import { listContactHistory } from '../../app/contacts/list-contact-history.ts'
import type { ContactHistoryOf } from '../../app/contacts/resolve-contact-scope.ts'
import { contactHistoryExportQuery, contactHistoryPage, contactHistoryQuery } from '../../contract/contact-history-schemas.ts'
import { programCodeParams } from '../../contract/policy-schemas.ts'
import { idParams } from '../../contract/query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

// A wave's and a program's contact history (issue 8, item 7): a page by keyset and the whole as CSV or XLSX.
export function registerContactHistoryRoutes(app: App, deps: ServerDeps): void {
  const routes = [
    { path: '/api/waves/:id/contacts', params: idParams, of: (p: { id: number }): ContactHistoryOf => ({ waveId: p.id }), key: 'GET /api/waves/:id/contacts' },
    { path: '/api/programs/:code/contacts', params: programCodeParams, of: (p: { code: string }): ContactHistoryOf => ({ programCode: p.code }), key: 'GET /api/programs/:code/contacts' },
  ] as const
  // Each route's params are parsed by its own schema, so `route.of` gets the shape it takes (`as never`: TypeScript sees the union).
  for (const route of routes) {
    app.get(
      route.path,
      { config: { access: ROUTE_ACCESS[route.key] }, schema: { params: route.params, querystring: contactHistoryQuery, response: { 200: contactHistoryPage } } },
      async (request) => listContactHistory(deps.db.kysely, { viewer: signedInUser(request), of: route.of(request.params as never), query: request.query }),
    )
    app.get(
      `${route.path}/export`,
      { config: { access: ROUTE_ACCESS[`${route.key}/export`] }, schema: { params: route.params, querystring: contactHistoryExportQuery } },
      async (request, reply) => {
        const { lang, state, channel, format } = request.query
        const file = await exportContactHistory(deps.db.kysely, { viewer: signedInUser(request), of: route.of(request.params as never), filter: { state, channel }, format, lang, now: deps.now() })
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('x-row-count', String(file.rowCount))
          .send(file.body)
      },
    )
  }
}
