import type { Kysely } from 'kysely'
import type { NoteKind } from '../../contract/note-kinds.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import type { NoteLine } from '../../db/stores/client-card-store.ts'
import { insertNote } from '../../db/stores/note-store.ts'
import { requireClientInScope } from './client-access-of.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'

export type AddNoteInput = { author: SessionUser; clientId: number; kind: NoteKind; body: string; now: Date }

/** Records a note about a client in the author's scope; the audit event names the kind, never the text. */
export async function addNote(db: Kysely<Schema>, input: AddNoteInput): Promise<NoteLine> {
  const { author, clientId } = input
  return db.transaction().execute(async (trx) => {
    await requireClientInScope(trx, author, clientId)
    const note = await insertNote(trx, { clientId, authorId: author.id, kind: input.kind, body: input.body, createdAt: input.now })
    await appendAuditEvent(trx, {
      userId: author.id,
      login: author.login,
      action: 'note.create',
      entity: 'client',
      entityId: String(clientId),
      details: { noteId: note.id, kind: note.kind },
    })
    return note
  })
}
