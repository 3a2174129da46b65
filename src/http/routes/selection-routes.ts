import { recordAuditEvent } from '../../app/audit/record-audit-event.ts'
import { bankToday } from '../../app/bank/bank-today.ts'
import { countSelection } from '../../app/selection/count-selection.ts'
import { listSelections } from '../../app/selection/list-selections.ts'
import { loadSelectionCatalogue } from '../../app/selection/load-selection-catalogue.ts'
import { saveSelection } from '../../app/selection/save-selection.ts'
import { viewSelection } from '../../app/selection/view-selection.ts'
import { idParams } from '../../contract/query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import {
  profileRefreshResult, ruleBody, savedSelection, selectionBody, selectionCatalogue, selectionCount, selectionList,
} from '../../contract/selection-schemas.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

const today = (deps: ServerDeps) => bankToday(deps.db.kysely, deps.now())

export function registerSelectionRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/selections/catalogue',
    { config: { access: ROUTE_ACCESS['GET /api/selections/catalogue'] }, schema: { response: { 200: selectionCatalogue } } },
    async () => loadSelectionCatalogue(deps.db.kysely),
  )

  app.post(
    '/api/selections/count',
    { config: { access: ROUTE_ACCESS['POST /api/selections/count'] }, schema: { body: ruleBody, response: { 200: selectionCount } } },
    async (request) => {
      const result = await countSelection({ db: deps.db.kysely, mirror: deps.profileMirror }, { rule: request.body.rule, today: await today(deps) })
      // A count reads the base (how many, and where): audited with the rule, as a list read is.
      await recordAuditEvent(deps.db.kysely, signedInUser(request), { action: 'selection.count', details: { rule: request.body.rule, count: result.count, engine: result.engine } })
      return result
    },
  )

  app.get(
    '/api/selections',
    { config: { access: ROUTE_ACCESS['GET /api/selections'] }, schema: { response: { 200: selectionList } } },
    async () => listSelections(deps.db.kysely),
  )

  app.get(
    '/api/selections/:id',
    { config: { access: ROUTE_ACCESS['GET /api/selections/:id'] }, schema: { params: idParams, response: { 200: savedSelection } } },
    async (request) => viewSelection(deps.db.kysely, request.params.id),
  )

  app.post(
    '/api/selections',
    { config: { access: ROUTE_ACCESS['POST /api/selections'] }, schema: { body: selectionBody, response: { 201: savedSelection } } },
    async (request, reply) => {
      const saved = await saveSelection(deps.db.kysely, { ...request.body, user: signedInUser(request), today: await today(deps) })
      return reply.status(201).send(saved)
    },
  )

  app.put(
    '/api/selections/:id',
    { config: { access: ROUTE_ACCESS['PUT /api/selections/:id'] }, schema: { params: idParams, body: selectionBody, response: { 200: savedSelection } } },
    async (request) => saveSelection(deps.db.kysely, { ...request.body, id: request.params.id, user: signedInUser(request), today: await today(deps) }),
  )

  app.post(
    '/api/profile/refresh',
    { config: { access: ROUTE_ACCESS['POST /api/profile/refresh'] }, schema: { response: { 200: profileRefreshResult } } },
    async (request) => {
      // A job (otklik.profile-refresh): two requests at once wait for the same one rebuild.
      const result = await deps.jobs.refreshProfile(await today(deps))
      await recordAuditEvent(deps.db.kysely, signedInUser(request), { action: 'profile.refresh', details: { ...result } })
      deps.profileMirror?.syncInBackground()
      return result
    },
  )
}
