import { sql, type Kysely } from 'kysely'
import type { DemoRequestClient } from '../../core/demo/demo-client-requests.ts'
import type { Schema } from '../schema.ts'

/**
 * About `count` active clients spread over the base, for the demo's requests: every k-th id, so
 * that a bank of millions reads one pass of the table, not a sort of it.
 */
export async function sampleDemoRequestClients(db: Kysely<Schema>, count: number): Promise<DemoRequestClient[]> {
  const { n } = await db.selectFrom('clients').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow()
  const step = Math.max(1, Math.floor(Number(n) / count))
  const rows = await db
    .selectFrom('clients')
    .select(['id', 'segment', 'branch_id'])
    .where('status', '=', 'active')
    .where(sql<boolean>`id % ${step} = 0`)
    .orderBy('id')
    .limit(count)
    .execute()
  return rows.map((r) => ({ id: r.id, segment: r.segment, branchId: r.branch_id }))
}
