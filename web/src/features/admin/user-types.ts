import type { z } from 'zod'
import type { newUserBody, roleClearanceList, userAccount, userChangesBody, userList, userListItem } from '../../../../src/contract/user-schemas.ts'

// The shapes of /api/users and /api/roles come from the contract the routes validate with.

/** POST /api/users, PATCH /api/users/:id */
export type User = z.infer<typeof userAccount>
/** GET /api/users */
export type UserList = z.infer<typeof userList>
/** A row of GET /api/users: the user and how many clients they serve as personal manager. */
export type UserListItem = z.infer<typeof userListItem>
/** The body of POST /api/users. */
export type NewUser = z.input<typeof newUserBody>
/** The body of PATCH /api/users/:id: only the fields that change. */
export type UserChange = z.input<typeof userChangesBody>
/** GET /api/roles */
export type RoleClearanceList = z.infer<typeof roleClearanceList>
export type RoleClearance = RoleClearanceList['items'][number]
