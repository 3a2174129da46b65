import type { Role } from '../../../src/contract/roles.ts'
import { ROUTE_ACCESS, type RouteKey } from '../../../src/contract/route-access.ts'

/**
 * Whether the role may call an API route: the server's own access table, so that the UI never
 * offers a button the API would refuse and the two cannot drift apart. The API still decides.
 */
export function canCall(role: Role, route: RouteKey): boolean {
  const access = ROUTE_ACCESS[route]
  if (access === 'public' || access === 'signed_in') return true
  return (access as readonly Role[]).includes(role)
}
