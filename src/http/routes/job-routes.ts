import { viewJobs } from '../../app/jobs/view-jobs.ts'
import { jobsQuery, jobsView } from '../../contract/job-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'

// The background work (imports, profile refreshes) as pg-boss jobs: read-only.
export function registerJobRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/jobs',
    { config: { access: ROUTE_ACCESS['GET /api/jobs'] }, schema: { querystring: jobsQuery, response: { 200: jobsView } } },
    async (request) => viewJobs(deps.db, request.query),
  )
}
