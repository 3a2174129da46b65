import { reason } from '../contract/reason-codes.ts'
import type { Role } from '../contract/roles.ts'
import { ROUTE_ACCESS, type Access, type RouteKey } from '../contract/route-access.ts'
import { DomainError } from '../core/domain-error.ts'

/**
 * Refuses a role the route's own access table refuses. A route that lists the rows of another
 * resource (a wave's members through GET /api/clients?wave=) answers only who may read that
 * resource, so no path around the table leads to the same rows.
 */
export function requireRouteAccess(role: Role, key: RouteKey): void {
  const access: Access = ROUTE_ACCESS[key]
  if (access === 'public' || access === 'signed_in' || access.includes(role)) return
  throw new DomainError('forbidden', `The role ${role} may not do this (${key})`, reason('auth.role_forbidden', { role }))
}
