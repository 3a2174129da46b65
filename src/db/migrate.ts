import { Migrator, type Migration, type MigrationProvider } from 'kysely'
import type { Database } from './open-database.ts'
import * as m0001 from './migrations/0001-create-client-base.ts'
import * as m0002 from './migrations/0002-add-import-file-details.ts'
import * as m0003 from './migrations/0003-add-client-search-indexes.ts'
import * as m0004 from './migrations/0004-create-selections-and-waves.ts'
import * as m0005 from './migrations/0005-add-client-search-forms.ts'
import * as m0006 from './migrations/0006-seed-federal-subjects-and-track-import-runs.ts'
import * as m0007 from './migrations/0007-track-profile-changes.ts'
import * as m0009 from './migrations/0009-add-login-failure-address.ts'
import * as m0011 from './migrations/0011-add-reason-codes.ts'
import * as m0012 from './migrations/0012-extend-program-registry.ts'
import * as m0014 from './migrations/0014-record-program-responses.ts'
import * as m0015 from './migrations/0015-add-wave-pilot-scope.ts'
import * as m0016 from './migrations/0016-create-program-rollout-plans.ts'
import * as m0017 from './migrations/0017-track-product-catalogue-changes.ts'
import * as m0019 from './migrations/0019-index-personal-managers.ts'
import * as m0020 from './migrations/0020-create-offers.ts'
import * as m0021 from './migrations/0021-link-programs-to-offers.ts'
import * as m0022 from './migrations/0022-prepare-contacts-for-sending.ts'
import * as m0023 from './migrations/0023-create-call-lists.ts'
import * as m0024 from './migrations/0024-run-imports-and-profile-refreshes-as-jobs.ts'
import * as m0025 from './migrations/0025-track-offer-links-and-leads.ts'
import * as m0026 from './migrations/0026-index-contacts-by-wave-and-program.ts'
import * as m0028 from './migrations/0028-attribute-responses-by-window.ts'
import * as m0029 from './migrations/0029-store-uplift-models-and-client-scores.ts'
import * as m0030 from './migrations/0030-extend-complaints-into-a-register.ts'
import * as m0031 from './migrations/0031-create-market-complaints.ts'
import * as m0032 from './migrations/0032-store-churn-models-and-churned-clients.ts'
import * as m0035 from './migrations/0035-record-attribution-basis.ts'
import * as m0036 from './migrations/0036-record-branch-requests-ideas-and-it-tasks.ts'
import * as m0033 from './migrations/0033-create-call-log.ts'

// Migrations are listed here rather than read from the folder, so that they run the same from
// sources, tests and any bundle. Numbered, never edited once landed (STYLE.md rule 11).
const MIGRATIONS: Record<string, Migration> = {
  '0001-create-client-base': m0001,
  '0002-add-import-file-details': m0002,
  '0003-add-client-search-indexes': m0003,
  '0004-create-selections-and-waves': m0004,
  '0005-add-client-search-forms': m0005,
  '0006-seed-federal-subjects-and-track-import-runs': m0006,
  '0007-track-profile-changes': m0007,
  '0009-add-login-failure-address': m0009,
  '0011-add-reason-codes': m0011,
  '0012-extend-program-registry': m0012,
  '0014-record-program-responses': m0014,
  '0015-add-wave-pilot-scope': m0015,
  '0016-create-program-rollout-plans': m0016,
  '0017-track-product-catalogue-changes': m0017,
  '0019-index-personal-managers': m0019,
  '0020-create-offers': m0020,
  '0021-link-programs-to-offers': m0021,
  '0022-prepare-contacts-for-sending': m0022,
  '0023-create-call-lists': m0023,
  '0024-run-imports-and-profile-refreshes-as-jobs': m0024,
  '0025-track-offer-links-and-leads': m0025,
  '0026-index-contacts-by-wave-and-program': m0026,
  '0028-attribute-responses-by-window': m0028,
  '0029-store-uplift-models-and-client-scores': m0029,
  '0030-extend-complaints-into-a-register': m0030,
  '0031-create-market-complaints': m0031,
  '0032-store-churn-models-and-churned-clients': m0032,
  '0035-record-attribution-basis': m0035,
  '0036-record-branch-requests-ideas-and-it-tasks': m0036,
  '0033-create-call-log': m0033,
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS }

// Numbers are handed out ahead of time, so a database may have run a later one before an earlier
// one landed (0006 before 0005): each migration stands alone, and the missing ones run in order.
const ORDER = { allowUnorderedMigrations: true } as const

export async function migrate(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider, ...ORDER })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

export async function migrateDown(db: Database): Promise<string | undefined> {
  const migrator = new Migrator({ db: db.kysely, provider, ...ORDER })
  const { error, results } = await migrator.migrateDown()
  if (error) throw error
  return results?.[0]?.migrationName
}
