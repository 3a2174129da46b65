import { addLeadNote } from '../../app/lead/add-lead-note.ts'
import { listLeads } from '../../app/lead/list-leads.ts'
import { moveLead } from '../../app/lead/move-lead.ts'
import { recordLinkClick, readTrackedLink } from '../../app/lead/record-link-click.ts'
import { leadItem, leadList, leadListQuery, leadNoteBody, leadParams, leadPatchBody } from '../../contract/lead-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { DomainError } from '../../core/domain-error.ts'
import { z } from 'zod'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'
import { badLinkPage } from '../bad-link-page.ts'

const tokenParams = z.object({ token: z.string().min(1).max(200) })

// Leads for managers (issue 8, item 6) and the offer's tracked link whose clicks make them (issue 9, item 1).
export function registerLeadRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely

  app.get(
    '/api/leads',
    { config: { access: ROUTE_ACCESS['GET /api/leads'] }, schema: { querystring: leadListQuery, response: { 200: leadList } } },
    async (request) => listLeads(db, signedInUser(request), { ...request.query, now: deps.now() }),
  )
  app.patch(
    '/api/leads/:id',
    { config: { access: ROUTE_ACCESS['PATCH /api/leads/:id'] }, schema: { params: leadParams, body: leadPatchBody, response: { 200: leadItem } } },
    async (request) => moveLead(db, { ...request.body, id: request.params.id, viewer: signedInUser(request), now: deps.now() }),
  )
  app.post(
    '/api/leads/:id/notes',
    { config: { access: ROUTE_ACCESS['POST /api/leads/:id/notes'] }, schema: { params: leadParams, body: leadNoteBody, response: { 200: leadItem } } },
    async (request) => addLeadNote(db, { id: request.params.id, text: request.body.text, viewer: signedInUser(request), now: deps.now() }),
  )

  // The offer's link in a client's e-mail or SMS: public, no session. A click is counted and the
  // client sent on to the offer's page; a forged or dead link gets a plain page and goes nowhere.
  // A HEAD (link checkers, previews) is answered the same but counts nothing.
  app.get('/r/:token', { config: { access: 'public' }, schema: { params: tokenParams, hide: true } }, async (request, reply) => {
    try {
      const { target } = request.method === 'HEAD'
        ? await readTrackedLink(db, request.params.token)
        : await recordLinkClick(db, { token: request.params.token, at: deps.now() })
      return reply.header('cache-control', 'no-store').redirect(target, 302)
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      return reply.status(404).type('text/html; charset=utf-8').send(badLinkPage())
    }
  })
}
