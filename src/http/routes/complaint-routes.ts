import { analyseComplaints } from '../../app/complaint/analyse-complaints.ts'
import { listComplaints } from '../../app/complaint/list-complaints.ts'
import { moveComplaint } from '../../app/complaint/move-complaint.ts'
import { registerComplaint } from '../../app/complaint/register-complaint.ts'
import { updateComplaintSla } from '../../app/complaint/update-complaint-sla.ts'
import { viewComplaintSla } from '../../app/complaint/view-complaint-sla.ts'
import { viewComplaint } from '../../app/complaint/view-complaint.ts'
import {
  complaintAnalysis, complaintAnalysisQuery, complaintDetail, complaintList, complaintListQuery, complaintMoveBody, complaintParams,
  complaintRegisterBody, complaintSlaSettings,
} from '../../contract/complaint-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

// The complaints register (issue 10, item 1): registration, the register, a complaint and its moves,
// the analysis, and the SLA settings. The static paths are declared before /:id.
export function registerComplaintRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely

  app.post(
    '/api/complaints',
    { config: { access: ROUTE_ACCESS['POST /api/complaints'] }, schema: { body: complaintRegisterBody, response: { 200: complaintDetail } } },
    async (request) => registerComplaint(db, { ...request.body, viewer: signedInUser(request), now: deps.now() }),
  )
  app.get(
    '/api/complaints',
    { config: { access: ROUTE_ACCESS['GET /api/complaints'] }, schema: { querystring: complaintListQuery, response: { 200: complaintList } } },
    async (request) => listComplaints(db, signedInUser(request), { ...request.query, now: deps.now() }),
  )
  app.get(
    '/api/complaints/analysis',
    { config: { access: ROUTE_ACCESS['GET /api/complaints/analysis'] }, schema: { querystring: complaintAnalysisQuery, response: { 200: complaintAnalysis } } },
    async (request) => analyseComplaints(db, { ...request.query, now: deps.now() }),
  )
  app.get(
    '/api/complaints/sla',
    { config: { access: ROUTE_ACCESS['GET /api/complaints/sla'] }, schema: { response: { 200: complaintSlaSettings } } },
    async () => viewComplaintSla(db),
  )
  app.put(
    '/api/complaints/sla',
    { config: { access: ROUTE_ACCESS['PUT /api/complaints/sla'] }, schema: { body: complaintSlaSettings, response: { 200: complaintSlaSettings } } },
    async (request) => updateComplaintSla(db, { ...request.body, viewer: signedInUser(request) }),
  )
  app.get(
    '/api/complaints/:id',
    { config: { access: ROUTE_ACCESS['GET /api/complaints/:id'] }, schema: { params: complaintParams, response: { 200: complaintDetail } } },
    async (request) => viewComplaint(db, { id: request.params.id, viewer: signedInUser(request), now: deps.now() }),
  )
  app.post(
    '/api/complaints/:id/moves',
    { config: { access: ROUTE_ACCESS['POST /api/complaints/:id/moves'] }, schema: { params: complaintParams, body: complaintMoveBody, response: { 200: complaintDetail } } },
    async (request) => moveComplaint(db, { ...request.body, id: request.params.id, viewer: signedInUser(request), now: deps.now() }),
  )
}
