import type { Kysely } from 'kysely'
import { DEFAULT_CONTACT_WINDOW, findWindowProblem, type ContactWindow, type DailyWindow } from '../../core/execution/contact-window.ts'
import type { Schema } from '../schema.ts'

/** The bank's contact hours (bank_settings 'contact_hours'), or the default when unset or unreadable. */
export async function readContactWindow(db: Kysely<Schema>): Promise<ContactWindow> {
  return (await readContactWindowSetting(db)).window
}

/** The contact hours with whether they are still the default (the settings screen says so). */
export async function readContactWindowSetting(db: Kysely<Schema>): Promise<{ window: ContactWindow; isDefault: boolean }> {
  const row = await db.selectFrom('bank_settings').select('value').where('key', '=', 'contact_hours').executeTakeFirst()
  const value = row?.value as { weekdays?: DailyWindow; weekends?: DailyWindow | null } | undefined
  if (!value?.weekdays || findWindowProblem(value.weekdays)) return { window: DEFAULT_CONTACT_WINDOW, isDefault: true }
  const weekends = value.weekends && !findWindowProblem(value.weekends) ? value.weekends : null
  return { window: { weekdays: value.weekdays, weekends: value.weekends === undefined ? DEFAULT_CONTACT_WINDOW.weekends : weekends }, isDefault: false }
}

export async function saveContactWindow(db: Kysely<Schema>, window: ContactWindow): Promise<void> {
  const value = JSON.stringify(window)
  await db.insertInto('bank_settings').values({ key: 'contact_hours', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() })).execute()
}
