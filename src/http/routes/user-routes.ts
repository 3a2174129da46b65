import { hashSessionToken } from '../../app/auth/log-in.ts'
import { createUser } from '../../app/users/create-user.ts'
import { listUsers } from '../../app/users/list-users.ts'
import { updateUser } from '../../app/users/update-user.ts'
import { CLEARANCE } from '../../core/clearance.ts'
import { ROLES } from '../../contract/roles.ts'
import { newUserBody, roleClearanceList, userAccount, userChangesBody, userList } from '../../contract/user-schemas.ts'
import { SESSION_COOKIE } from '../access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { idParams } from '../../contract/query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { signedInUser } from '../signed-in-user.ts'

// The admin screen: users and the roles with what personal data each may see.
export function registerUserRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/users',
    { config: { access: ROUTE_ACCESS['GET /api/users'] }, schema: { response: { 200: userList } } },
    async () => ({ items: await listUsers(deps.db.kysely) }),
  )

  app.post(
    '/api/users',
    { config: { access: ROUTE_ACCESS['POST /api/users'] }, schema: { body: newUserBody, response: { 201: userAccount } } },
    async (request, reply) => {
      const created = await createUser(deps.db.kysely, { actor: signedInUser(request), ...request.body })
      return reply.status(201).send(created)
    },
  )

  app.patch(
    '/api/users/:id',
    {
      config: { access: ROUTE_ACCESS['PATCH /api/users/:id'] },
      schema: { params: idParams, body: userChangesBody, response: { 200: userAccount } },
    },
    async (request) => {
      const token = request.cookies[SESSION_COOKIE]
      return updateUser(deps.db.kysely, {
        actor: signedInUser(request),
        actorTokenHash: token ? hashSessionToken(token) : undefined,
        userId: request.params.id,
        changes: request.body,
      })
    },
  )

  app.get(
    '/api/roles',
    { config: { access: ROUTE_ACCESS['GET /api/roles'] }, schema: { response: { 200: roleClearanceList } } },
    async () => ({ items: ROLES.map((role) => ({ role, personalFields: [...CLEARANCE[role]] })) }),
  )
}
