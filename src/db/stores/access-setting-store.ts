import type { Kysely } from 'kysely'
import type { Schema } from '../schema.ts'

// The bank's access settings in bank_settings. The value is returned as stored; app/ decides what
// an absent or unknown one means.
const BRANCH_STAFF_SCOPE = 'branch_staff_scope'

export async function readBranchStaffScopeSetting(db: Kysely<Schema>): Promise<unknown> {
  const row = await db.selectFrom('bank_settings').select('value').where('key', '=', BRANCH_STAFF_SCOPE).executeTakeFirst()
  return row?.value
}

export async function writeBranchStaffScopeSetting(db: Kysely<Schema>, scope: string): Promise<void> {
  await db
    .insertInto('bank_settings')
    .values({ key: BRANCH_STAFF_SCOPE, value: JSON.stringify(scope) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(scope), updated_at: new Date() }))
    .execute()
}
