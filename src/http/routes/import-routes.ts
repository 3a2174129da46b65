import { bankToday } from '../../app/bank/bank-today.ts'
import { Readable } from 'node:stream'
import { importUpload } from '../../app/import/import-upload.ts'
import { previewImportFile } from '../../app/import/preview-import-file.ts'
import { normalizeEncoding } from '../../app/import/source-decoder.ts'
import { listImportHistory } from '../../app/import/list-import-history.ts'
import { viewImport } from '../../app/import/view-import.ts'
import { recordAuditEvent } from '../../app/audit/record-audit-event.ts'
import { writeRejectionsCsv } from '../../app/import/write-rejections-csv.ts'
import { IMPORT_FIELDS } from '../../core/import/import-fields.ts'
import type { ImportRecord } from '../../db/stores/import-store.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { LANGUAGES } from '../../contract/language.ts'
import { idParams, pageParams } from '../../contract/query-params.ts'
import { receiveUpload } from '../receive-upload.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { importKindsReadBy } from '../../contract/import-kind-roles.ts'
import { signedInUser } from '../signed-in-user.ts'
import { z } from 'zod'
import { parseForm } from '../parse-form.ts'
import {
  fieldsQuery, fieldsResponse, importDetail, importForm, importList, importStarted, previewForm, previewResponse,
} from '../../contract/import-schemas.ts'

const importListQuery = z.object(pageParams)
/** `lang`: the language of the file's `line` and `reason` columns (the web sends its own). */
const rejectionsQuery = z.object({ format: z.enum(['csv']).default('csv'), file: z.string().max(200).optional(), lang: z.enum(LANGUAGES).default('ru') })

// Imports (api-contract.md "Imports"): field catalogues, preview, imports run as jobs, the history
// and the download of rejected rows.
export function registerImportRoutes(app: App, deps: ServerDeps): void {
  const { db } = deps

  app.get(
    '/api/imports/fields',
    { config: { access: ROUTE_ACCESS['GET /api/imports/fields'] }, schema: { querystring: fieldsQuery, response: { 200: fieldsResponse } } },
    async (request) => ({
      kind: request.query.kind,
      fields: IMPORT_FIELDS[request.query.kind].map((f) => ({ name: f.name, required: f.required, requiredForNew: Boolean(f.requiredForNew), description: f.description })),
    }),
  )

  app.post(
    '/api/imports/preview',
    { config: { access: ROUTE_ACCESS['POST /api/imports/preview'] }, schema: { response: { 200: previewResponse } } },
    async (request) => {
      const upload = await receiveUpload(request)
      try {
        const form = parseForm(previewForm, upload.fields)
        return await previewImportFile(db.kysely, { path: upload.path, kind: form.kind, encoding: form.encoding && normalizeEncoding(form.encoding), program: form.program })
      } finally {
        await upload.remove()
      }
    },
  )

  app.post('/api/imports', { config: { access: ROUTE_ACCESS['POST /api/imports'] }, schema: { response: { 202: importStarted } } }, async (request, reply) => {
    const user = signedInUser(request)
    // Kept where a restart does not lose it: the job may run after the server started again.
    const upload = await receiveUpload(request, deps.config.uploadDir)
    let form
    try {
      form = parseForm(importForm, upload.fields)
      if (form.encoding) form.encoding = normalizeEncoding(form.encoding)
    } catch (error) {
      await upload.remove()
      throw error
    }
    const started = await importUpload(db, {
      user: { id: user.id, login: user.login, role: user.role },
      ...form,
      upload,
      today: await bankToday(deps.db.kysely, deps.now()),
      enqueue: deps.jobs.queueImport,
    })
    return reply.status(202).send(started)
  })

  app.get(
    '/api/imports',
    { config: { access: ROUTE_ACCESS['GET /api/imports'] }, schema: { querystring: importListQuery, response: { 200: importList } } },
    async (request) => {
      const page = await listImportHistory(db, { ...request.query, now: deps.now(), kinds: importKindsReadBy(signedInUser(request).role) })
      return { total: page.total, items: page.items.map(publicRecord) }
    },
  )

  app.get(
    '/api/imports/:id',
    { config: { access: ROUTE_ACCESS['GET /api/imports/:id'] }, schema: { params: idParams, response: { 200: importDetail } } },
    async (request) => {
      const view = await viewImport(db, { id: request.params.id, reader: signedInUser(request) })
      return { ...publicRecord(view), rejections: view.rejections }
    },
  )

  app.get(
    '/api/imports/:id/rejections',
    { config: { access: ROUTE_ACCESS['GET /api/imports/:id/rejections'] }, schema: { params: idParams, querystring: rejectionsQuery } },
    async (request, reply) => {
      const user = signedInUser(request)
      const csv = await writeRejectionsCsv(db, { importId: request.params.id, file: request.query.file, reader: user, lang: request.query.lang })
      await recordAuditEvent(db.kysely, user, { action: 'import.rejections_download', entity: 'import', entityId: String(request.params.id), details: { rows: csv.rowCount } })
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="rejected-${request.params.id}.csv"; filename*=UTF-8''${encodeURIComponent(csv.fileName)}`)
        .send(Readable.from(csv.body))
    },
  )
}

function publicRecord(record: ImportRecord) {
  const { encoding: _e, delimiter: _d, files: _f, bytesRead, bytesTotal, ...rest } = record
  const progress = record.status === 'done' ? 1 : record.status === 'queued' ? 0 : bytesTotal ? Math.min(1, Math.round((1000 * bytesRead) / bytesTotal) / 1000) : null
  return { ...rest, progress }
}
