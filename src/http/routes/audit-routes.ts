import { listAuditEvents } from '../../app/audit/list-audit-events.ts'
import { auditList, auditQuery } from '../../contract/audit-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'

// The audit log is read-only through the API: there is no route that changes or removes an event,
// and the database refuses it too (migration 0001 trigger).
export function registerAuditRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/audit',
    { config: { access: ROUTE_ACCESS['GET /api/audit'] }, schema: { querystring: auditQuery, response: { 200: auditList } } },
    async (request) => listAuditEvents(deps.db.kysely, request.query),
  )
}
