import { z } from 'zod'
import { listAuditEvents } from '../../app/audit/list-audit-events.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { optionalParam, pageParams } from '../query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'

// The audit log is read-only through the API: there is no route that changes or removes an event,
// and the database refuses it too (migration 0001 trigger).
export function registerAuditRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/audit',
    { config: { access: ROUTE_ACCESS['GET /api/audit'] }, schema: { querystring: auditQuery, response: { 200: auditList } } },
    async (request) => listAuditEvents(deps.db.kysely, request.query),
  )
}

const bound = z.union([z.iso.date(), z.iso.datetime({ offset: true })])

const auditQuery = z.object({
  login: optionalParam(z.string().max(100)),
  action: optionalParam(z.string().max(50)),
  from: optionalParam(bound),
  to: optionalParam(bound),
  ...pageParams,
})

const auditList = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      login: z.string().nullable(),
      action: z.string(),
      entity: z.string().nullable(),
      entityId: z.string().nullable(),
      details: z.unknown(),
    }),
  ),
})
