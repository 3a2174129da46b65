import { bankToday } from '../../app/bank/bank-today.ts'
import { setProgramPolicyOverrides } from '../../app/program/set-program-policy-overrides.ts'
import { viewProgramPolicy } from '../../app/program/view-program-policy.ts'
import { buildWave } from '../../app/wave/build-wave.ts'
import { previewWave } from '../../app/wave/preview-wave.ts'
import { rebuildWave } from '../../app/wave/rebuild-wave.ts'
import { listWaves } from '../../app/wave/list-waves.ts'
import { updateContactPolicy } from '../../app/wave/update-contact-policy.ts'
import { viewContactPolicy } from '../../app/wave/view-contact-policy.ts'
import { viewWave } from '../../app/wave/view-wave.ts'
import { contactPolicySchema } from '../../contract/contact-policy.ts'
import { contactPolicyVersion, programCodeParams, programPolicy, programPolicyBody } from '../../contract/policy-schemas.ts'
import { idParams } from '../../contract/query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { waveBody, waveDetail, waveList, waveListQuery, wavePreview, waveResult } from '../../contract/wave-schemas.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

const today = (deps: ServerDeps) => bankToday(deps.db.kysely, deps.now())

export function registerWaveRoutes(app: App, deps: ServerDeps): void {
  app.post(
    '/api/waves/preview',
    { config: { access: ROUTE_ACCESS['POST /api/waves/preview'] }, schema: { body: waveBody, response: { 200: wavePreview } } },
    async (request) => previewWave(deps.db.kysely, { ...request.body, actor: signedInUser(request), today: await today(deps) }),
  )

  app.post(
    '/api/waves',
    { config: { access: ROUTE_ACCESS['POST /api/waves'] }, schema: { body: waveBody, response: { 201: waveResult } } },
    async (request, reply) => {
      const user = signedInUser(request)
      const result = await buildWave(deps.db.kysely, { ...request.body, actor: user, today: await today(deps) })
      return reply.status(201).send(result)
    },
  )

  app.post(
    '/api/waves/:id/rebuild',
    { config: { access: ROUTE_ACCESS['POST /api/waves/:id/rebuild'] }, schema: { params: idParams, response: { 200: waveResult } } },
    async (request) => {
      return rebuildWave(deps.db.kysely, { waveId: request.params.id, actor: signedInUser(request) })
    },
  )

  app.get(
    '/api/waves',
    { config: { access: ROUTE_ACCESS['GET /api/waves'] }, schema: { querystring: waveListQuery, response: { 200: waveList } } },
    async (request) => listWaves(deps.db.kysely, { programCode: request.query.program, limit: request.query.limit, offset: request.query.offset }),
  )

  app.get(
    '/api/waves/:id',
    { config: { access: ROUTE_ACCESS['GET /api/waves/:id'] }, schema: { params: idParams, response: { 200: waveDetail } } },
    async (request) => viewWave(deps.db.kysely, request.params.id),
  )

  app.get(
    '/api/programs/:code/policy',
    { config: { access: ROUTE_ACCESS['GET /api/programs/:code/policy'] }, schema: { params: programCodeParams, response: { 200: programPolicy } } },
    async (request) => viewProgramPolicy(deps.db.kysely, request.params.code),
  )

  app.put(
    '/api/programs/:code/policy',
    {
      config: { access: ROUTE_ACCESS['PUT /api/programs/:code/policy'] },
      schema: { params: programCodeParams, body: programPolicyBody, response: { 200: programPolicy } },
    },
    async (request) => setProgramPolicyOverrides(deps.db.kysely, { programCode: request.params.code, overrides: request.body.overrides, actor: signedInUser(request) }),
  )

  app.get(
    '/api/contact-policy',
    { config: { access: ROUTE_ACCESS['GET /api/contact-policy'] }, schema: { response: { 200: contactPolicyVersion } } },
    async () => viewContactPolicy(deps.db.kysely),
  )

  app.put(
    '/api/contact-policy',
    { config: { access: ROUTE_ACCESS['PUT /api/contact-policy'] }, schema: { body: contactPolicySchema, response: { 200: contactPolicyVersion } } },
    async (request) => {
      return updateContactPolicy(deps.db.kysely, { policy: request.body, actor: signedInUser(request) })
    },
  )
}
