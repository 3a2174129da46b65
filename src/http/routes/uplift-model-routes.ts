import { viewWaveUpliftModel } from '../../app/model/view-wave-uplift-model.ts'
import { idParams } from '../../contract/query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { waveUpliftModel } from '../../contract/uplift-model-schemas.ts'
import type { App, ServerDeps } from '../build-server.ts'

export function registerUpliftModelRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/waves/:id/uplift-model',
    { config: { access: ROUTE_ACCESS['GET /api/waves/:id/uplift-model'] }, schema: { params: idParams, response: { 200: waveUpliftModel } } },
    async (request) => viewWaveUpliftModel(deps.db.kysely, request.params.id),
  )
}
