import { bankToday } from '../../app/bank/bank-today.ts'
import { createRetentionTemplate } from '../../app/churn/create-retention-template.ts'
import { listChurnedClients } from '../../app/churn/list-churned-clients.ts'
import { updateChurnDefinition } from '../../app/churn/update-churn-definition.ts'
import { viewChurnDefinition } from '../../app/churn/view-churn-definition.ts'
import { viewChurnModel } from '../../app/churn/view-churn-model.ts'
import { viewChurnReport } from '../../app/churn/view-churn-report.ts'
import {
  churnDefinitionBody,
  churnDefinitionView,
  churnedClientsQuery,
  churnedClientsView,
  churnModelReply,
  churnReportView,
  retentionTemplateBody,
  retentionTemplateView,
} from '../../contract/churn-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

// Churn: the bank's definition, the churned clients with their reasons, the report, the model, and
// the retention program template.
export function registerChurnRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely
  const today = () => bankToday(db, deps.now())
  app.get(
    '/api/churn/definition',
    { config: { access: ROUTE_ACCESS['GET /api/churn/definition'] }, schema: { response: { 200: churnDefinitionView } } },
    async () => viewChurnDefinition(db),
  )
  app.put(
    '/api/churn/definition',
    { config: { access: ROUTE_ACCESS['PUT /api/churn/definition'] }, schema: { body: churnDefinitionBody, response: { 200: churnDefinitionView } } },
    async (request) => updateChurnDefinition(db, { definition: request.body, actor: signedInUser(request), today: await today(), now: deps.now() }),
  )
  app.get(
    '/api/churn/clients',
    { config: { access: ROUTE_ACCESS['GET /api/churn/clients'] }, schema: { querystring: churnedClientsQuery, response: { 200: churnedClientsView } } },
    async (request) => listChurnedClients(db, { viewer: signedInUser(request), query: request.query }),
  )
  app.get(
    '/api/churn/report',
    { config: { access: ROUTE_ACCESS['GET /api/churn/report'] }, schema: { response: { 200: churnReportView } } },
    async () => viewChurnReport(db),
  )
  app.get(
    '/api/churn/model',
    { config: { access: ROUTE_ACCESS['GET /api/churn/model'] }, schema: { response: { 200: churnModelReply } } },
    async () => viewChurnModel(db),
  )
  app.post(
    '/api/churn/retention-template',
    { config: { access: ROUTE_ACCESS['POST /api/churn/retention-template'] }, schema: { body: retentionTemplateBody, response: { 201: retentionTemplateView } } },
    async (request, reply) => reply.code(201).send(await createRetentionTemplate(db, { body: request.body, user: signedInUser(request), today: await today() })),
  )
}
