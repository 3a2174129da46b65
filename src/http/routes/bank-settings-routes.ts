import { updateBankLetterhead, updateContactHours } from '../../app/bank/update-bank-settings.ts'
import { contactHoursBody, contactHoursView, letterheadBody, letterheadView } from '../../contract/bank-settings-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { viewBankLetterhead, viewContactHours } from '../../app/bank/view-bank-settings.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

// The bank's letterhead and contact hours: read and set by the head or an admin, each change audited.
export function registerBankSettingsRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely
  app.get(
    '/api/settings/letterhead',
    { config: { access: ROUTE_ACCESS['GET /api/settings/letterhead'] }, schema: { response: { 200: letterheadView } } },
    async () => viewBankLetterhead(db),
  )
  app.put(
    '/api/settings/letterhead',
    { config: { access: ROUTE_ACCESS['PUT /api/settings/letterhead'] }, schema: { body: letterheadBody, response: { 200: letterheadView } } },
    async (request) => updateBankLetterhead(db, { letterhead: request.body, actor: signedInUser(request) }),
  )
  app.get(
    '/api/settings/contact-hours',
    { config: { access: ROUTE_ACCESS['GET /api/settings/contact-hours'] }, schema: { response: { 200: contactHoursView } } },
    async () => viewContactHours(db),
  )
  app.put(
    '/api/settings/contact-hours',
    { config: { access: ROUTE_ACCESS['PUT /api/settings/contact-hours'] }, schema: { body: contactHoursBody, response: { 200: contactHoursView } } },
    async (request) => updateContactHours(db, { window: request.body, actor: signedInUser(request) }),
  )
}
