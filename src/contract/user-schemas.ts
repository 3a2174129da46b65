import { z } from 'zod'
import { sessionUser } from './auth-schemas.ts'
import { PERSONAL_FIELDS } from './personal-fields.ts'
import { recordId } from './query-params.ts'
import { ROLES } from './roles.ts'

// The requests and answers of /api/users and /api/roles (the admin screen), shared by the routes
// (src/http/routes/user-routes.ts) and the web (web/src/features/admin/user-types.ts).

/** A user as the admin sees them: the session's user and whether they may sign in. */
export const userAccount = sessionUser.extend({ active: z.boolean() })

/** In the users list: how many clients the user serves as their personal manager (VIP clients). */
export const userListItem = userAccount.extend({ personalClients: z.number().int().nonnegative() })

export const userList = z.object({ items: z.array(userListItem) })

/** Which personal fields a role sees unmasked (core/clearance.ts). */
export const roleClearance = z.object({ role: z.enum(ROLES), personalFields: z.array(z.enum(PERSONAL_FIELDS)) })

export const roleClearanceList = z.object({ items: z.array(roleClearance) })

const login = z.string().regex(/^[A-Za-z0-9._-]{2,100}$/, 'letters, digits, dot, dash or underscore; 2 to 100 of them')
const fullName = z.string().trim().min(1).max(200)
// The login form takes up to 200 characters; eight at least, so that a password is not a PIN.
const password = z.string().min(8).max(200)
const branchId = recordId.nullable()

export const newUserBody = z.strictObject({ login, fullName, role: z.enum(ROLES), password, branchId: branchId.optional() })

export const userChangesBody = z
  .strictObject({ fullName, role: z.enum(ROLES), active: z.boolean(), password, branchId })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, 'Give at least one field to change')
