import { sql, type RawBuilder } from 'kysely'

/**
 * The SQL twin of isLeadFor (route-lead.ts) over the client's columns `c.personal_manager_id` and
 * `c.branch_id`: the head all; a manager their own clients; a manager or branch staff their branch's
 * clients without a personal manager. A test holds the two equal on random clients and viewers.
 */
export function leadVisibleSql(viewer: { id: number; role: string; branchId: number | null }): RawBuilder<boolean> {
  if (viewer.role === 'head') return sql<boolean>`true`
  const own = viewer.role === 'manager' ? sql`c.personal_manager_id = ${viewer.id}` : sql`false`
  const branchWork = viewer.branchId !== null && (viewer.role === 'manager' || viewer.role === 'branch')
  const branch = branchWork ? sql`(c.personal_manager_id IS NULL AND c.branch_id = ${viewer.branchId})` : sql`false`
  return sql<boolean>`(${own} OR ${branch})`
}
