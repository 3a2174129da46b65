import type { Kysely } from 'kysely'
import type { CompileContext } from '../../core/selection/compile-rule.ts'
import type { Rule } from '../../contract/rule.ts'
import type { Schema } from '../../db/schema.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { loadProductBits } from '../../db/stores/profile-store.ts'
import { loadSavedSelections } from './load-saved-selections.ts'

/** What compiling a rule needs from the database: product bits, the saved selections it names, the bank's zone. */
export async function loadCompileContext(db: Kysely<Schema>, rule: Rule, today: string): Promise<CompileContext> {
  const [selections, productBits, timeZone] = await Promise.all([loadSavedSelections(db, rule), loadProductBits(db), readBankTimeZone(db)])
  return { today, timeZone, productBits, selections }
}
