import { z } from 'zod'
import { planProgramRollout } from '../../app/program/plan-program-rollout.ts'
import { saveProgramRolloutPlan, viewProgramRolloutPlan } from '../../app/program/save-program-rollout-plan.ts'
import { programCode } from '../../contract/program-code.ts'
import { rolloutPlan, rolloutPlanBody, rolloutPlanRead } from '../../contract/rollout-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

const codeParams = z.object({ code: programCode })

// A program's rollout plan (issue 7, item 8): a what-if that stores nothing, the chosen plan saved
// into the program, and that saved plan read back.
export function registerRolloutPlanRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely

  app.post(
    '/api/programs/:code/rollout-plan',
    { config: { access: ROUTE_ACCESS['POST /api/programs/:code/rollout-plan'] }, schema: { params: codeParams, body: rolloutPlanBody, response: { 200: rolloutPlan } } },
    async (request) => planProgramRollout(db, { code: request.params.code, body: request.body }),
  )

  app.put(
    '/api/programs/:code/rollout-plan',
    { config: { access: ROUTE_ACCESS['PUT /api/programs/:code/rollout-plan'] }, schema: { params: codeParams, body: rolloutPlanBody, response: { 200: rolloutPlanRead } } },
    async (request) => saveProgramRolloutPlan(db, { code: request.params.code, body: request.body, actor: signedInUser(request) }),
  )

  app.get(
    '/api/programs/:code/rollout-plan',
    { config: { access: ROUTE_ACCESS['GET /api/programs/:code/rollout-plan'] }, schema: { params: codeParams, response: { 200: rolloutPlanRead } } },
    async (request) => viewProgramRolloutPlan(db, request.params.code),
  )
}
