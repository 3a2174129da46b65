import type { Kysely } from 'kysely'
import { bankLetterheadSchema, type BankLetterhead } from '../../contract/letter-schemas.ts'
import { DEFAULT_BANK_LETTERHEAD } from '../../core/offer/default-bank-letterhead.ts'
import type { Schema } from '../schema.ts'

/** The bank's letterhead (bank_settings 'letterhead'); the placeholder while none, or none valid, is set. */
export async function readBankLetterhead(db: Kysely<Schema>): Promise<BankLetterhead> {
  const row = await db.selectFrom('bank_settings').select('value').where('key', '=', 'letterhead').executeTakeFirst()
  const parsed = bankLetterheadSchema.safeParse(row?.value)
  return parsed.success ? parsed.data : DEFAULT_BANK_LETTERHEAD
}
