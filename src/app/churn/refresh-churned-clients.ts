import type { Kysely } from 'kysely'
import { churnOf } from '../../core/churn/churn-of.ts'
import { churnReasons } from '../../core/churn/churn-reasons.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { readChurnFacts } from '../../db/stores/churn-facts-store.ts'
import { dropChurnedClientsBefore, writeChurnedClients, type ChurnedClientRow } from '../../db/stores/churned-client-store.ts'
import { viewChurnDefinition } from './view-churn-definition.ts'

/** Clients per page: each read and write is one short statement (DESIGN invariant 10). */
export const CHURN_PAGE_SIZE = 2000

export type RefreshChurnedClientsInput = { today: string; now: Date }

/**
 * Rebuilds the churned clients list under the definition in force, as of the bank's day: every
 * client is judged by core/churn/churn-of.ts with the reasons the bank knows (churn-reasons.ts),
 * page by page; the clients no longer churned leave the list at the end. Deceased clients are
 * not churn.
 */
export async function refreshChurnedClients(db: Kysely<Schema>, input: RefreshChurnedClientsInput): Promise<{ churned: number; clients: number }> {
  const definition = await viewChurnDefinition(db)
  const timeZone = await readBankTimeZone(db)
  let churned = 0
  let clients = 0
  for (let after = 0; ; ) {
    const page = await readChurnFacts(db, { after, limit: CHURN_PAGE_SIZE, timeZone })
    const rows: ChurnedClientRow[] = page.flatMap((facts) => {
      if (facts.status === 'deceased') return []
      const status = churnOf({ definition, facts, asOf: input.today })
      if (!status) return []
      return [{ clientId: facts.clientId, ...status, ...churnReasons(facts, status, definition.reasonMonths) }]
    })
    await writeChurnedClients(db, rows, input.now)
    churned += rows.length
    clients += page.length
    if (page.length < CHURN_PAGE_SIZE) break
    after = page[page.length - 1].clientId
  }
  await dropChurnedClientsBefore(db, input.now)
  return { churned, clients }
}
