import { z } from 'zod'
import { viewPilotDesign } from '../../app/program/view-pilot-design.ts'
import { pilotDesign, pilotDesignBody } from '../../contract/pilot-design-schemas.ts'
import { programCode } from '../../contract/program-code.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'

const codeParams = z.object({ code: programCode })

// The pilot design of a program (issue 7, item 5): a what-if, nothing is stored.
export function registerPilotDesignRoutes(app: App, deps: ServerDeps): void {
  app.post(
    '/api/programs/:code/pilot-design',
    { config: { access: ROUTE_ACCESS['POST /api/programs/:code/pilot-design'] }, schema: { params: codeParams, body: pilotDesignBody, response: { 200: pilotDesign } } },
    async (request) => viewPilotDesign(deps.db.kysely, { code: request.params.code, body: request.body }),
  )
}
