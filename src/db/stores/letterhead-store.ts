import type { Kysely } from 'kysely'
import { bankLetterheadSchema, type BankLetterhead } from '../../contract/letter-schemas.ts'
import { DEFAULT_BANK_LETTERHEAD } from '../../core/offer/default-bank-letterhead.ts'
import type { Schema } from '../schema.ts'

/** The bank's letterhead (bank_settings 'letterhead'); the placeholder while none, or none valid, is set. */
export async function readBankLetterhead(db: Kysely<Schema>): Promise<BankLetterhead> {
  return (await readBankLetterheadSetting(db)).letterhead
}

/** The letterhead with whether it is still the placeholder (the settings screen says so). */
export async function readBankLetterheadSetting(db: Kysely<Schema>): Promise<{ letterhead: BankLetterhead; isDefault: boolean }> {
  const row = await db.selectFrom('bank_settings').select('value').where('key', '=', 'letterhead').executeTakeFirst()
  const parsed = bankLetterheadSchema.safeParse(row?.value)
  return parsed.success ? { letterhead: parsed.data, isDefault: false } : { letterhead: DEFAULT_BANK_LETTERHEAD, isDefault: true }
}

export async function saveBankLetterhead(db: Kysely<Schema>, letterhead: BankLetterhead): Promise<void> {
  const value = JSON.stringify(letterhead)
  await db.insertInto('bank_settings').values({ key: 'letterhead', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() })).execute()
}
