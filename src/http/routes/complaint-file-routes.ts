import { viewComplaintFileAnalysis } from '../../app/complaint-files/view-complaint-file-analysis.ts'
import { complaintFileJson } from '../../app/import/cfpb/complaint-file-json.ts'
import { loadComplaintFile } from '../../app/import/cfpb/load-complaint-file.ts'
import { listImportRejections } from '../../app/import/list-import-rejections.ts'
import { complaintFileAnalysis, complaintFileForm, complaintFileUpload, UPLOAD_REJECTIONS } from '../../contract/complaint-file-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { parseForm } from '../parse-form.ts'
import { receiveUpload } from '../receive-upload.ts'
import { signedInUser } from '../signed-in-user.ts'

// Complaint files (issue 10, item 2): a CFPB export uploaded from the "Market complaints" page and
// the analysis of what is loaded. The import runs while the request waits — a complaint file is
// applied in chunks like any import, so others' requests keep answering — and answers the CLI's JSON.
export function registerComplaintFileRoutes(app: App, deps: ServerDeps): void {
  app.post(
    '/api/complaint-files',
    { config: { access: ROUTE_ACCESS['POST /api/complaint-files'] }, schema: { response: { 201: complaintFileUpload } } },
    async (request, reply) => {
      const user = signedInUser(request)
      const upload = await receiveUpload(request)
      try {
        const form = parseForm(complaintFileForm, upload.fields)
        const outcome = await loadComplaintFile(deps.db, { path: upload.path, fileName: upload.fileName, format: form.format, dryRun: form.dryRun, user })
        const rejections = await listImportRejections(deps.db.kysely, { importId: outcome.id, limit: UPLOAD_REJECTIONS })
        return reply.code(201).send({ ...complaintFileJson(outcome, form.dryRun), rejections })
      } finally {
        await upload.remove()
      }
    },
  )

  app.get(
    '/api/complaint-files/analysis',
    { config: { access: ROUTE_ACCESS['GET /api/complaint-files/analysis'] }, schema: { response: { 200: complaintFileAnalysis } } },
    async () => viewComplaintFileAnalysis(deps.db.kysely),
  )
}
