import { listCalls } from '../../app/call-log/list-calls.ts'
import { viewCallAnalysis } from '../../app/call-log/view-call-analysis.ts'
import { callAnalysis, callList, callListQuery, callPeriodQuery } from '../../contract/call-log-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

// The call centre's call log (issue 10, item 6), loaded by `otklik import calls` or the imports page.
export function registerCallLogRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely

  app.get(
    '/api/calls/analysis',
    { config: { access: ROUTE_ACCESS['GET /api/calls/analysis'] }, schema: { querystring: callPeriodQuery, response: { 200: callAnalysis } } },
    async (request) => viewCallAnalysis(db, { ...request.query, now: deps.now() }),
  )
  app.get(
    '/api/calls',
    { config: { access: ROUTE_ACCESS['GET /api/calls'] }, schema: { querystring: callListQuery, response: { 200: callList } } },
    async (request) => listCalls(db, signedInUser(request), { ...request.query, now: deps.now() }),
  )
}
