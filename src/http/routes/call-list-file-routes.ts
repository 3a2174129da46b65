import { exportCallList } from '../../app/call-centre/export-call-list.ts'
import { importCallOutcomes } from '../../app/call-centre/import-call-outcomes.ts'
import { callImportResult, callListExportQuery, waveIdParams } from '../../contract/call-centre-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { receiveUpload } from '../receive-upload.ts'
import { signedInUser } from '../signed-in-user.ts'

// A call list handed to an external call centre as CSV or XLSX, and its outcomes loaded back.
export function registerCallListFileRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely

  app.get(
    '/api/call-centre/waves/:waveId/export',
    { config: { access: ROUTE_ACCESS['GET /api/call-centre/waves/:waveId/export'] }, schema: { params: waveIdParams, querystring: callListExportQuery } },
    async (request, reply) => {
      const file = await exportCallList(db, { waveId: request.params.waveId, ...request.query, viewer: signedInUser(request), now: deps.now() })
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-row-count', String(file.rowCount))
        .send(file.body)
    },
  )

  app.post(
    '/api/call-centre/waves/:waveId/import',
    { config: { access: ROUTE_ACCESS['POST /api/call-centre/waves/:waveId/import'] }, schema: { params: waveIdParams, response: { 200: callImportResult } } },
    async (request) => {
      const actor = signedInUser(request)
      const upload = await receiveUpload(request)
      try {
        return await importCallOutcomes(db, { waveId: request.params.waveId, path: upload.path, fileName: upload.fileName, actor, now: deps.now() })
      } finally {
        await upload.remove()
      }
    },
  )
}
