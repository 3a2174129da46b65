import type { Kysely } from 'kysely'
import type { BankLetterhead } from '../../contract/letter-schemas.ts'
import type { ContactWindow } from '../../core/execution/contact-window.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { readContactWindowSetting, saveContactWindow } from '../../db/stores/contact-window-store.ts'
import { readBankLetterheadSetting, saveBankLetterhead } from '../../db/stores/letterhead-store.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'

// The bank's letterhead (every letter's PDF) and contact hours (every SMS and call), set by the
// head or an admin: each change one transaction with its audit event, the old value and the new.

export async function updateBankLetterhead(db: Kysely<Schema>, input: { letterhead: BankLetterhead; actor: AuditActor }): Promise<BankLetterhead & { isDefault: boolean }> {
  return db.transaction().execute(async (tx) => {
    const before = await readBankLetterheadSetting(tx)
    await saveBankLetterhead(tx, input.letterhead)
    await appendAuditEvent(tx, {
      userId: input.actor.id, login: input.actor.login, action: 'settings.letterhead', entity: 'bank_settings', entityId: 'letterhead',
      details: { before: before.isDefault ? null : before.letterhead, after: input.letterhead },
    })
    return { ...input.letterhead, isDefault: false }
  })
}

export async function updateContactHours(db: Kysely<Schema>, input: { window: ContactWindow; actor: AuditActor }): Promise<ContactWindow & { isDefault: boolean }> {
  return db.transaction().execute(async (tx) => {
    const before = await readContactWindowSetting(tx)
    await saveContactWindow(tx, input.window)
    await appendAuditEvent(tx, {
      userId: input.actor.id, login: input.actor.login, action: 'settings.contact_hours', entity: 'bank_settings', entityId: 'contact_hours',
      details: { before: before.window, after: input.window },
    })
    return { ...input.window, isDefault: false }
  })
}
