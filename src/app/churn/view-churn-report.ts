import type { Kysely } from 'kysely'
import type { ChurnReport } from '../../contract/churn-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { countChurnedClients, readChurnRefreshedAt } from '../../db/stores/churned-client-store.ts'

/** The churn report: how many left, by criterion, reason the bank knows, stated reason, segment, branch and month. */
export async function viewChurnReport(db: Kysely<Schema>): Promise<ChurnReport> {
  const { total, active, ...breakdowns } = await countChurnedClients(db)
  return { total, activeClients: active, refreshedAt: await readChurnRefreshedAt(db), ...breakdowns }
}
