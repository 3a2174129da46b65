import { reason } from '../contract/reason-codes.ts'
import { DomainError } from './domain-error.ts'
import type { Role } from '../contract/roles.ts'

// How much of the client base one role may page through in the list (and in a wave's members).
// The office roles may export the base, so their bound only keeps a request small; the front line
// and the marketer look for one client or at a few examples, never walk the base page by page.
// `maxDepth` bounds offset + limit: the last row a page may reach.

export type ClientListBounds = { maxLimit: number; maxDepth: number }

const OFFICE: ClientListBounds = { maxLimit: 500, maxDepth: 100_000 }
const LOOKUP: ClientListBounds = { maxLimit: 50, maxDepth: 1_000 }
const NONE: ClientListBounds = { maxLimit: 0, maxDepth: 0 }

export const CLIENT_LIST_BOUNDS: Record<Role, ClientListBounds> = {
  head: OFFICE,
  manager: OFFICE,
  client_economist: OFFICE,
  analyst: OFFICE,
  program_economist: OFFICE,
  marketer: LOOKUP,
  operator: { maxLimit: 50, maxDepth: 500 },
  branch: LOOKUP,
  admin: NONE,
  auditor: NONE,
}

/** Refuses a page beyond the role's bounds, naming the bound so the UI can say it. */
export function checkClientPage(role: Role, page: { limit: number; offset: number }): void {
  const { maxLimit, maxDepth } = CLIENT_LIST_BOUNDS[role]
  if (page.limit > maxLimit) {
    throw new DomainError('forbidden', `The role ${role} may read at most ${maxLimit} clients a page`, reason('client.page_too_large', { limit: page.limit, max: maxLimit }))
  }
  if (page.offset + page.limit > maxDepth) {
    throw new DomainError('forbidden', `The role ${role} may page through the first ${maxDepth} clients of a list only: narrow the search`, reason('client.page_too_deep', { offset: page.offset, max: maxDepth }))
  }
}
