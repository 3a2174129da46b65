import { z } from 'zod'
import { createProgram } from '../../app/program/create-program.ts'
import { viewProgramCase } from '../../app/program/compute-program-case.ts'
import { editProgram } from '../../app/program/edit-program.ts'
import { explainSampleRatioMismatch } from '../../app/program/explain-sample-ratio-mismatch.ts'
import { judgeProgram } from '../../app/program/judge-program.ts'
import { listPrograms } from '../../app/program/list-programs.ts'
import { viewProgramReturns } from '../../app/program/view-program-returns.ts'
import { programReturns } from '../../contract/program-returns-schemas.ts'
import { transitionProgram } from '../../app/program/transition-program.ts'
import { exportProgramReport } from '../../app/program-report/export-program-report.ts'
import { viewProgram } from '../../app/program/view-program.ts'
import { statusesAwaiting } from '../../core/program/program-moves.ts'
import {
  createProgramBody,
  patchProgramBody,
  programCase,
  programCode,
  programDetail,
  programList,
  programListQuery,
  replaceProgramBody,
  transitionBody,
} from '../../contract/program-schemas.ts'
import { programVerdict, srmExplanationBody, verdictQuery } from '../../contract/verdict-schemas.ts'
import { programReportQuery } from '../../contract/program-report-schemas.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { optionalParam, pageParams } from '../../contract/query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { signedInUser } from '../signed-in-user.ts'

const codeParams = z.object({ code: programCode })
const listQuery = z.object({
  status: optionalParam(programListQuery.status),
  awaiting: optionalParam(programListQuery.awaiting),
  goal: optionalParam(programListQuery.goal),
  owner: optionalParam(programListQuery.owner),
  from: optionalParam(programListQuery.from),
  to: optionalParam(programListQuery.to),
  ...pageParams,
})

// The registry of programs (issue 7): the plan, the lifecycle and the business case.
export function registerProgramRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely
  app.post('/api/programs', { config: { access: ROUTE_ACCESS['POST /api/programs'] }, schema: { body: createProgramBody, response: { 201: programDetail } } }, async (request, reply) => {
    return reply.status(201).send(await createProgram(db, { body: request.body, actor: signedInUser(request) }))
  })

  app.get('/api/programs', { config: { access: ROUTE_ACCESS['GET /api/programs'] }, schema: { querystring: listQuery, response: { 200: programList } } }, async (request) => {
    const { owner, awaiting, ...filter } = request.query
    const { role } = signedInUser(request)
    return listPrograms(db, { filter: { ...filter, ownerId: owner, ...(awaiting && { statuses: statusesAwaiting(role) }) }, role })
  })

  app.get('/api/program-returns', { config: { access: ROUTE_ACCESS['GET /api/program-returns'] }, schema: { response: { 200: programReturns } } }, async () => {
    return viewProgramReturns(db, { now: deps.now() })
  })

  app.get('/api/programs/:code', { config: { access: ROUTE_ACCESS['GET /api/programs/:code'] }, schema: { params: codeParams, response: { 200: programDetail } } }, async (request) => {
    return viewProgram(db, { code: request.params.code, role: signedInUser(request).role })
  })

  app.put('/api/programs/:code', { config: { access: ROUTE_ACCESS['PUT /api/programs/:code'] }, schema: { params: codeParams, body: replaceProgramBody, response: { 200: programDetail } } }, async (request) => {
    return editProgram(db, { code: request.params.code, changes: request.body, replace: true, actor: signedInUser(request) })
  })

  app.patch('/api/programs/:code', { config: { access: ROUTE_ACCESS['PATCH /api/programs/:code'] }, schema: { params: codeParams, body: patchProgramBody, response: { 200: programDetail } } }, async (request) => {
    return editProgram(db, { code: request.params.code, changes: request.body, replace: false, actor: signedInUser(request) })
  })

  app.post(
    '/api/programs/:code/transition',
    { config: { access: ROUTE_ACCESS['POST /api/programs/:code/transition'] }, schema: { params: codeParams, body: transitionBody, response: { 200: programDetail } } },
    async (request) => transitionProgram(db, { code: request.params.code, ...request.body, actor: signedInUser(request), now: deps.now() }),
  )

  app.get('/api/programs/:code/case', { config: { access: ROUTE_ACCESS['GET /api/programs/:code/case'] }, schema: { params: codeParams } }, async (request) => {
    return viewProgramCase(db, request.params.code)
  })

  app.get(
    '/api/programs/:code/verdict',
    { config: { access: ROUTE_ACCESS['GET /api/programs/:code/verdict'] }, schema: { params: codeParams, querystring: verdictQuery, response: { 200: programVerdict } } },
    async (request) => judgeProgram(db, { code: request.params.code, now: deps.now(), options: request.query }),
  )

  app.post(
    '/api/programs/:code/verdict/explanation',
    { config: { access: ROUTE_ACCESS['POST /api/programs/:code/verdict/explanation'] }, schema: { params: codeParams, body: srmExplanationBody, response: { 200: programVerdict } } },
    async (request) => explainSampleRatioMismatch(db, { code: request.params.code, explanation: request.body.explanation, actor: signedInUser(request), now: deps.now() }),
  )

  app.get('/api/programs/:code/report', { config: { access: ROUTE_ACCESS['GET /api/programs/:code/report'] }, schema: { params: codeParams, querystring: programReportQuery } }, async (request, reply) => {
    const file = await exportProgramReport(db, { code: request.params.code, ...request.query, actor: signedInUser(request), now: deps.now() })
    // The file name is ASCII (a program code is letters, digits, "_", "-", "."): no encoding needed.
    return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body)
  })
}
