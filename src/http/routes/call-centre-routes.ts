import { buildCallList } from '../../app/call-centre/build-call-list.ts'
import { setProgramCallPolicy, viewProgramCallPolicy } from '../../app/call-centre/program-call-policy.ts'
import { recordCallOutcome } from '../../app/call-centre/record-call-outcome.ts'
import { takeNextCall } from '../../app/call-centre/take-next-call.ts'
import { viewCallBoard } from '../../app/call-centre/view-call-board.ts'
import { listCallbacks } from '../../app/call-centre/list-callbacks.ts'
import { listCallOperators } from '../../app/call-centre/list-call-operators.ts'
import {
  callBoard,
  callbackList,
  callOperatorList,
  callListBody,
  callListResult,
  callOutcomeBody,
  callOutcomeResult,
  callPolicyView,
  nextCall,
  programCodeParam,
  waveIdParams,
} from '../../contract/call-centre-schemas.ts'
import { callPolicySchema } from '../../contract/call-policy.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'
import { registerCallListFileRoutes } from './call-list-file-routes.ts'

// The call centre (issue 8, item 5): call lists, the operator's next call and its outcome, callbacks, the board.
export function registerCallCentreRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely

  app.post(
    '/api/call-centre/waves/:waveId/list',
    { config: { access: ROUTE_ACCESS['POST /api/call-centre/waves/:waveId/list'] }, schema: { params: waveIdParams, body: callListBody, response: { 201: callListResult } } },
    async (request, reply) => {
      const result = await buildCallList(db, { waveId: request.params.waveId, operators: request.body.operators, actor: signedInUser(request), now: deps.now() })
      return reply.code(201).send(result)
    },
  )

  app.get(
    '/api/call-centre/operators',
    { config: { access: ROUTE_ACCESS['GET /api/call-centre/operators'] }, schema: { response: { 200: callOperatorList } } },
    async () => ({ items: await listCallOperators(db) }),
  )

  app.get(
    '/api/call-centre/next',
    { config: { access: ROUTE_ACCESS['GET /api/call-centre/next'] }, schema: { response: { 200: nextCall } } },
    async (request) => ({ card: await takeNextCall(db, { operator: signedInUser(request), now: deps.now() }) }),
  )

  app.post(
    '/api/call-centre/outcome',
    { config: { access: ROUTE_ACCESS['POST /api/call-centre/outcome'] }, schema: { body: callOutcomeBody, response: { 200: callOutcomeResult } } },
    async (request) => recordCallOutcome(db, { ...request.body, operator: signedInUser(request), now: deps.now() }),
  )

  app.get(
    '/api/call-centre/callbacks',
    { config: { access: ROUTE_ACCESS['GET /api/call-centre/callbacks'] }, schema: { response: { 200: callbackList } } },
    async (request) => listCallbacks(db, { viewer: signedInUser(request), now: deps.now() }),
  )

  app.get(
    '/api/call-centre/board',
    { config: { access: ROUTE_ACCESS['GET /api/call-centre/board'] }, schema: { response: { 200: callBoard } } },
    async () => viewCallBoard(db, deps.now()),
  )

  app.get(
    '/api/programs/:code/call-policy',
    { config: { access: ROUTE_ACCESS['GET /api/programs/:code/call-policy'] }, schema: { params: programCodeParam, response: { 200: callPolicyView } } },
    async (request) => viewProgramCallPolicy(db, request.params.code),
  )

  app.put(
    '/api/programs/:code/call-policy',
    {
      config: { access: ROUTE_ACCESS['PUT /api/programs/:code/call-policy'] },
      schema: { params: programCodeParam, body: callPolicySchema, response: { 200: callPolicyView } },
    },
    async (request) => setProgramCallPolicy(db, { code: request.params.code, policy: request.body, actor: signedInUser(request), now: deps.now() }),
  )

  registerCallListFileRoutes(app, deps)
}
