import { z } from 'zod'
import { bankToday } from '../../app/bank/bank-today.ts'
import { setProgramPolicyOverrides } from '../../app/program/set-program-policy-overrides.ts'
import { viewProgramPolicy } from '../../app/program/view-program-policy.ts'
import { buildWave } from '../../app/wave/build-wave.ts'
import { previewWave } from '../../app/wave/preview-wave.ts'
import { rebuildWave } from '../../app/wave/rebuild-wave.ts'
import { updateContactPolicy } from '../../app/wave/update-contact-policy.ts'
import { programCode } from '../../contract/program-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { contactPolicyOverridesSchema, contactPolicySchema } from '../../contract/contact-policy.ts'
import { CHANNELS } from '../../contract/channels.ts'
import { currentContactPolicy } from '../../db/stores/policy-store.ts'
import { findWave, listWaves, waveBalanceBySegment } from '../../db/stores/wave-query-store.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { idParams, optionalParam, pageParams, recordId } from '../query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { signedInUser } from '../signed-in-user.ts'

const waveBody = z.object({
  programCode,
  rule: z.unknown(),
  channel: z.enum(CHANNELS),
  controlShare: z.number().gt(0).lt(1).optional(),
  kind: z.enum(['pilot', 'rollout']).default('pilot'),
  selectionId: recordId.optional(),
  stratifyBy: z.enum(['segment']).optional(),
})

const funnel = z.array(z.object({ rule: z.string(), removed: z.number() }))
const waveResult = z.object({ wave: z.number(), matched: z.number(), target: z.number(), control: z.number(), funnel })

const today = (deps: ServerDeps) => bankToday(deps.db.kysely, deps.now())

export function registerWaveRoutes(app: App, deps: ServerDeps): void {
  app.post(
    '/api/waves/preview',
    { config: { access: ROUTE_ACCESS['POST /api/waves/preview'] }, schema: { body: waveBody, response: { 200: waveResult.omit({ wave: true }) } } },
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
    { config: { access: ROUTE_ACCESS['GET /api/waves'] }, schema: { querystring: z.object({ program: optionalParam(z.string().max(64)), ...pageParams }) } },
    async (request) => listWaves(deps.db.kysely, { programCode: request.query.program, limit: request.query.limit, offset: request.query.offset }),
  )

  app.get('/api/waves/:id', { config: { access: ROUTE_ACCESS['GET /api/waves/:id'] }, schema: { params: idParams } }, async (request) => {
    const wave = await findWave(deps.db.kysely, request.params.id)
    if (!wave) throw new DomainError('not_found', `No wave ${request.params.id}`, reason('wave.not_found', { id: request.params.id }))
    return { ...wave, bySegment: await waveBalanceBySegment(deps.db.kysely, wave.id) }
  })

  // A program's own overrides of the contact policy: only the parts it changes, each checked like
  // the global policy's (strict: an unknown key is a mistake, not something to ignore).
  app.get(
    '/api/programs/:code/policy',
    { config: { access: ROUTE_ACCESS['GET /api/programs/:code/policy'] }, schema: { params: z.object({ code: programCode }) } },
    async (request) => viewProgramPolicy(deps.db.kysely, request.params.code),
  )

  app.put(
    '/api/programs/:code/policy',
    {
      config: { access: ROUTE_ACCESS['PUT /api/programs/:code/policy'] },
      schema: { params: z.object({ code: programCode }), body: z.object({ overrides: contactPolicyOverridesSchema.strict() }) },
    },
    async (request) => setProgramPolicyOverrides(deps.db.kysely, { programCode: request.params.code, overrides: request.body.overrides, actor: signedInUser(request) }),
  )

  app.get('/api/contact-policy', { config: { access: ROUTE_ACCESS['GET /api/contact-policy'] } }, async () => currentContactPolicy(deps.db.kysely))

  app.put(
    '/api/contact-policy',
    { config: { access: ROUTE_ACCESS['PUT /api/contact-policy'] }, schema: { body: contactPolicySchema } },
    async (request) => {
      return updateContactPolicy(deps.db.kysely, { policy: request.body, actor: signedInUser(request) })
    },
  )
}
