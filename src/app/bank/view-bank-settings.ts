import type { Kysely } from 'kysely'
import type { BankLetterhead } from '../../contract/letter-schemas.ts'
import type { ContactWindow } from '../../core/execution/contact-window.ts'
import type { Schema } from '../../db/schema.ts'
import { readContactWindowSetting } from '../../db/stores/contact-window-store.ts'
import { readBankLetterheadSetting } from '../../db/stores/letterhead-store.ts'

/** The letterhead letters carry now, and whether it is still the demo's placeholder. */
export async function viewBankLetterhead(db: Kysely<Schema>): Promise<BankLetterhead & { isDefault: boolean }> {
  const { letterhead, isDefault } = await readBankLetterheadSetting(db)
  return { ...letterhead, isDefault }
}

/** The contact hours SMS and calls keep now, and whether they are still the default. */
export async function viewContactHours(db: Kysely<Schema>): Promise<ContactWindow & { isDefault: boolean }> {
  const { window, isDefault } = await readContactWindowSetting(db)
  return { ...window, isDefault }
}
