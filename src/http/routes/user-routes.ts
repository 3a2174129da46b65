import { z } from 'zod'
import { hashSessionToken } from '../../app/auth/log-in.ts'
import { createUser } from '../../app/users/create-user.ts'
import { updateUser } from '../../app/users/update-user.ts'
import { CLEARANCE } from '../../core/clearance.ts'
import { PERSONAL_FIELDS } from '../../contract/personal-fields.ts'
import { ROLES } from '../../contract/roles.ts'
import { listUsers } from '../../db/stores/user-store.ts'
import { SESSION_COOKIE } from '../access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { idParams, recordId } from '../query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { signedInUser } from '../signed-in-user.ts'

// The admin screen: users and the roles with what personal data each may see.
export function registerUserRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/users',
    { config: { access: ROUTE_ACCESS['GET /api/users'] }, schema: { response: { 200: z.object({ items: z.array(user) }) } } },
    async () => ({ items: await listUsers(deps.db.kysely) }),
  )

  app.post(
    '/api/users',
    { config: { access: ROUTE_ACCESS['POST /api/users'] }, schema: { body: newUserBody, response: { 201: user } } },
    async (request, reply) => {
      const created = await createUser(deps.db.kysely, { actor: signedInUser(request), ...request.body })
      return reply.status(201).send(created)
    },
  )

  app.patch(
    '/api/users/:id',
    {
      config: { access: ROUTE_ACCESS['PATCH /api/users/:id'] },
      schema: { params: idParams, body: userChangesBody, response: { 200: user } },
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
    { config: { access: ROUTE_ACCESS['GET /api/roles'] }, schema: { response: { 200: z.object({ items: z.array(roleClearance) }) } } },
    async () => ({ items: ROLES.map((role) => ({ role, personalFields: [...CLEARANCE[role]] })) }),
  )
}

const user = z.object({
  id: z.number(),
  login: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  branchId: z.number().nullable(),
  active: z.boolean(),
})

const roleClearance = z.object({ role: z.enum(ROLES), personalFields: z.array(z.enum(PERSONAL_FIELDS)) })

const login = z.string().regex(/^[A-Za-z0-9._-]{2,100}$/, 'letters, digits, dot, dash or underscore; 2 to 100 of them')
const fullName = z.string().trim().min(1).max(200)
// The login form takes up to 200 characters; eight at least, so that a password is not a PIN.
const password = z.string().min(8).max(200)
const branchId = recordId.nullable()

const newUserBody = z.strictObject({ login, fullName, role: z.enum(ROLES), password, branchId: branchId.optional() })

const userChangesBody = z
  .strictObject({ fullName, role: z.enum(ROLES), active: z.boolean(), password, branchId })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'Give at least one field to change')
