import type { Kysely } from 'kysely'
import { DEFAULT_CONTACT_WINDOW, findWindowProblem, type ContactWindow, type DailyWindow } from '../../core/execution/contact-window.ts'
import type { Schema } from '../schema.ts'

/** The bank's contact hours (bank_settings 'contact_hours'), or the default when unset or unreadable. */
export async function readContactWindow(db: Kysely<Schema>): Promise<ContactWindow> {
  const row = await db.selectFrom('bank_settings').select('value').where('key', '=', 'contact_hours').executeTakeFirst()
  const value = row?.value as { weekdays?: DailyWindow; weekends?: DailyWindow | null } | undefined
  if (!value?.weekdays || findWindowProblem(value.weekdays)) return DEFAULT_CONTACT_WINDOW
  const weekends = value.weekends && !findWindowProblem(value.weekends) ? value.weekends : null
  return { weekdays: value.weekdays, weekends: value.weekends === undefined ? DEFAULT_CONTACT_WINDOW.weekends : weekends }
}
