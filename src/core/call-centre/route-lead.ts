export type LeadRoute = 'personal_manager' | 'branch' | 'unrouted'

/**
 * Where a lead from a call goes (issue 8, item 6): to the client's personal manager when they have
 * one (a VIP relationship stays with its manager), else to the branch that serves the client.
 */
export function routeLead(client: { personalManagerId: number | null; branchId: number | null }): LeadRoute {
  if (client.personalManagerId !== null) return 'personal_manager'
  if (client.branchId !== null) return 'branch'
  return 'unrouted'
}

/** Whether a lead is on the viewer's list: a manager's own clients and their branch's unmanaged ones; branch staff their branch's; the head all. */
export function isLeadFor(viewer: { id: number; role: string; branchId: number | null }, client: { personalManagerId: number | null; branchId: number | null }): boolean {
  if (viewer.role === 'head') return true
  const route = routeLead(client)
  if (route === 'personal_manager') return viewer.role === 'manager' && client.personalManagerId === viewer.id
  if (route === 'branch') return viewer.branchId !== null && client.branchId === viewer.branchId && (viewer.role === 'manager' || viewer.role === 'branch')
  return false
}
