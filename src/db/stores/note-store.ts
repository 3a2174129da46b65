import type { Kysely } from 'kysely'
import type { NoteKind } from '../../contract/note-kinds.ts'
import type { Schema } from '../schema.ts'
import type { NoteLine } from './client-card-store.ts'

export type NoteInput = { clientId: number; authorId: number; kind: NoteKind; body: string; createdAt: Date }

export async function insertNote(db: Kysely<Schema>, note: NoteInput): Promise<NoteLine> {
  const row = await db
    .insertInto('notes')
    .values({ client_id: note.clientId, author_id: note.authorId, kind: note.kind, body: note.body, created_at: note.createdAt })
    .returning(['id', 'kind', 'body', 'created_at'])
    .executeTakeFirstOrThrow()
  const author = await db.selectFrom('users').select('full_name').where('id', '=', note.authorId).executeTakeFirst()
  return { id: row.id, kind: row.kind, body: row.body, createdAt: row.created_at.toISOString(), authorName: author?.full_name ?? null }
}
