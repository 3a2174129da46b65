import { bankToday } from '../../app/bank/bank-today.ts'
import { listResponsePrograms } from '../../app/response/list-response-programs.ts'
import { recordResponse } from '../../app/response/record-response.ts'
import { viewResponseSummary } from '../../app/response/view-response-summary.ts'
import { viewProgramResults } from '../../app/program/view-program-results.ts'
import { programResultsSchema } from '../../contract/program-results-schemas.ts'
import { viewResponseCurve } from '../../app/program/view-response-curve.ts'
import { responseCurveParams, responseCurveQuery, responseCurveView } from '../../contract/response-curve-schemas.ts'
import { attributeResponses } from '../../app/response/attribute-responses.ts'
import { attributionRange } from '../../app/response/attribution-range.ts'
import { breakDownPilot } from '../../app/program/break-down-pilot.ts'
import { breakdownParams, breakdownQuery, breakdownView } from '../../contract/breakdown-schemas.ts'
import { setResponseDefinition } from '../../app/response/set-response-definition.ts'
import { viewResponseDefinition } from '../../app/response/view-response-definition.ts'
import { attributionResult, responseDefinitionBody, responseDefinitionView } from '../../contract/response-definition.ts'
import { recordResponseBody, responseParams, responsePrograms, responseSummary, storedResponse } from '../../contract/response-schemas.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { signedInUser } from '../signed-in-user.ts'

// A program's responses (issue 7, item 7): one recorded through the API (a file of them goes
// through /api/imports, kind responses), the summary the verdict reads, and the programs that can
// take responses (docs/api-contract.md "Responses").
export function registerResponseRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely

  app.post(
    '/api/programs/:code/responses',
    { config: { access: ROUTE_ACCESS['POST /api/programs/:code/responses'] }, schema: { params: responseParams, body: recordResponseBody, response: { 200: storedResponse, 201: storedResponse } } },
    async (request, reply) => {
      const stored = await recordResponse(db, { code: request.params.code, body: request.body, actor: signedInUser(request), today: await bankToday(db, deps.now()) })
      return reply.status(stored.created ? 201 : 200).send(stored)
    },
  )

  app.get(
    '/api/programs/:code/responses/summary',
    { config: { access: ROUTE_ACCESS['GET /api/programs/:code/responses/summary'] }, schema: { params: responseParams, response: { 200: responseSummary } } },
    async (request) => viewResponseSummary(db, { code: request.params.code }),
  )

  app.get(
    '/api/programs/:code/results',
    { config: { access: ROUTE_ACCESS['GET /api/programs/:code/results'] }, schema: { params: responseParams, response: { 200: programResultsSchema } } },
    async (request) => viewProgramResults(db, { code: request.params.code, now: deps.now() }),
  )

  app.get(
    '/api/programs/:code/response-curve',
    { config: { access: ROUTE_ACCESS['GET /api/programs/:code/response-curve'] }, schema: { params: responseCurveParams, querystring: responseCurveQuery, response: { 200: responseCurveView } } },
    async (request) => viewResponseCurve(db, { code: request.params.code, now: deps.now(), wave: request.query.wave }),
  )

  app.get(
    '/api/programs/:code/breakdown',
    { config: { access: ROUTE_ACCESS['GET /api/programs/:code/breakdown'] }, schema: { params: breakdownParams, querystring: breakdownQuery, response: { 200: breakdownView } } },
    async (request) => breakDownPilot(db, { code: request.params.code, by: request.query.by, response: request.query.response, now: deps.now() }),
  )

  app.get(
    '/api/programs/:code/response-definition',
    { config: { access: ROUTE_ACCESS['GET /api/programs/:code/response-definition'] }, schema: { params: responseParams, response: { 200: responseDefinitionView } } },
    async (request) => viewResponseDefinition(db, { code: request.params.code }),
  )

  app.put(
    '/api/programs/:code/response-definition',
    { config: { access: ROUTE_ACCESS['PUT /api/programs/:code/response-definition'] }, schema: { params: responseParams, body: responseDefinitionBody, response: { 200: responseDefinitionView } } },
    async (request) => setResponseDefinition(db, { code: request.params.code, definition: request.body.definition, actor: signedInUser(request) }),
  )

  app.post(
    '/api/responses/attribute',
    { config: { access: ROUTE_ACCESS['POST /api/responses/attribute'] }, schema: { response: { 200: attributionResult } } },
    async (request) => attributeResponses(db, { actor: signedInUser(request), clientsPerRange: attributionRange(deps.db.kind) }),
  )

  app.get(
    '/api/responses/programs',
    { config: { access: ROUTE_ACCESS['GET /api/responses/programs'] }, schema: { response: { 200: responsePrograms } } },
    async () => listResponsePrograms(db),
  )
}
